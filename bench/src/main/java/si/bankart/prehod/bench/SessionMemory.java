package si.bankart.prehod.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import org.opensaml.storage.StorageService;

import com.fasterxml.jackson.databind.ObjectMapper;

import si.bankart.prehod.config.SessionConfig;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RandomIds;

/**
 * Scenario (e): heap and resident memory with many live SSO sessions. Runs in a fresh JVM of its own ({@link #main}),
 * so nothing of the load scenarios is on its heap: the IdP's real {@link SessionStore} over the StorageService the IdP
 * uses ({@link InMemoryStorage}), each session created as a login creates it and then given one portal
 * ({@link SpSession}: SAML ID session index, persistent-NameID-sized value) as the first assertion does. Heap: used heap
 * after {@code System.gc()} (MemoryMXBean), minus the same before the first session; RSS: VmRSS of /proc/self/status.
 * At the largest count, the top of the JVM's class histogram says what the bytes are.
 */
final class SessionMemory {

    static final double TARGET_HEAP_BYTES_PER_SESSION = 2048;

    record Level(int sessions, long heapUsedBytes, long rssBytes, double heapBytesPerSession, double rssBytesPerSession) {
    }

    record Result(long baselineHeapBytes, long baselineRssBytes, List<Level> levels, List<String> histogramTop,
            String command) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionMemory() {
    }

    /** Starts the measuring JVM and reads its result (the last line it prints, JSON). */
    static Result measure(List<Integer> counts, Path workDir) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBinary, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                SessionMemory.class.getName()));
        counts.forEach(c -> command.add(Integer.toString(c)));
        Process process = new ProcessBuilder(command).redirectError(workDir.resolve("memory.log").toFile()).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Files.writeString(workDir.resolve("memory.log"), line + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                last = line;
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || last == null || !last.startsWith("{")) {
            throw new IllegalStateException("the memory JVM failed (exit " + exit + "); see " + workDir.resolve("memory.log"));
        }
        Result result = new ObjectMapper().readValue(last, Result.class);
        return new Result(result.baselineHeapBytes(), result.baselineRssBytes(), result.levels(), result.histogramTop(),
                "java -Xmx2g -cp <bench class path> " + SessionMemory.class.getName() + " "
                        + String.join(" ", counts.stream().map(String::valueOf).toList()));
    }

    public static void main(String[] args) throws Exception {
        StorageService storage = InMemoryStorage.create("prehod");
        SessionStore sessions = new SessionStore(storage, SessionConfig.DEFAULTS, Clock.systemUTC(),
                new RandomIds(new SecureRandom()));
        RandomIds ids = new RandomIds(new SecureRandom());
        // Warm the code paths (Jackson, SHA-256) so their classes are in the baseline, not in the first level.
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            warm.add(login(sessions, ids, i).id());
        }
        for (String id : warm) {
            sessions.find(id).ifPresent(sessions::destroy);
        }
        long baseHeap = settledHeap();
        long baseRss = rss();
        List<Level> levels = new ArrayList<>();
        // A few cookie values kept to prove the sessions are live and findable; a few strings, not per session.
        Map<Integer, String> probes = new LinkedHashMap<>();
        int created = 0;
        List<String> histogram = List.of();
        for (int i = 0; i < args.length; i++) {
            int target = Integer.parseInt(args[i]);
            while (created < target) {
                SsoSession session = login(sessions, ids, created);
                if (created % 9973 == 0) {
                    probes.put(created, session.id());
                }
                created++;
            }
            long heap = settledHeap();
            long rss = rss();
            levels.add(new Level(target, heap - baseHeap, rss - baseRss, (heap - baseHeap) / (double) target,
                    (rss - baseRss) / (double) target));
            System.err.printf("%d sessions: heap +%d bytes, RSS +%d bytes%n", target, heap - baseHeap, rss - baseRss);
            if (i == args.length - 1) {
                histogram = histogramTop(25);
            }
        }
        for (Map.Entry<Integer, String> probe : probes.entrySet()) {
            SsoSession found = sessions.find(probe.getValue()).orElseThrow(() -> new IllegalStateException(
                    "session " + probe.getKey() + " is not in the store"));
            if (found.serviceProviders().size() != 1 || !found.userId().equals(userId(probe.getKey()))) {
                throw new IllegalStateException("session " + probe.getKey() + " came back wrong: " + found);
            }
        }
        if (sessions.find(ids.token()).isPresent()) {
            throw new IllegalStateException("an unknown cookie value found a session");
        }
        System.out.println(new ObjectMapper().writeValueAsString(new Result(baseHeap, baseRss, levels, histogram, null)));
    }

    /** What a login does to the store: a new session, then the portal that receives the first assertion. */
    private static SsoSession login(SessionStore sessions, RandomIds ids, int n) {
        SsoSession session = sessions.create(userId(n), "certificate", LevelOfAssurance.SUBSTANTIAL, Instant.now());
        byte[] nameId = new byte[32]; // an HMAC-SHA256, as the persistent NameID is
        RANDOM.nextBytes(nameId);
        return sessions.addServiceProvider(session, new SpSession(EntityId.of("https://localhost:8500/bips/saml"), ids.samlId(),
                Base64.getEncoder().encodeToString(nameId), NameIdFormat.PERSISTENT)).orElseThrow();
    }

    private static String userId(int n) {
        return "u" + (100_000 + n);
    }

    private static long settledHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** The first lines of GC.class_histogram (what jcmd prints), through the JVM's own diagnostic command bean. */
    private static List<String> histogramTop(int rows) throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return text.lines().limit(rows + 2).toList();
    }
}
