package si.bankart.prehod.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark of issue 7, first part: scenarios (a) and (b) at each concurrency, the signing limit (JMH) and
 * scenario (f). Writes results.json and results.md into the results folder and prints the table. Exits 1 when a
 * step counted nothing or a sampled response failed full verification (the figures would then be meaningless).
 * Run it through bench/run, which builds the class path and starts it in bench/.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        Instant started = Instant.now();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started);
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, Path.of("results", stamp));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path out = options.out();
        Files.createDirectories(out);
        int cores = Runtime.getRuntime().availableProcessors();
        Report report = new Report(started, options, environment(cores));

        log("starting the IdP (RSA-2048 keys are generated on first start)");
        try (BenchIdp idp = BenchIdp.start()) {
            log("IdP at " + idp.baseUri());
            if (options.scenarios().contains("limit")) {
                log("signing limit: JMH, SHA256withRSA with the IdP's key, one thread");
                report.limit = SigningLimit.measure(idp, options.jmhWarmupIterations(), options.jmhIterations(),
                        options.jmhIterationSeconds(), out.resolve("jmh.log"));
                log(String.format("  %.0f signatures/s", report.limit.signaturesPerSecond()));
            }
            List<Scenario> load = new ArrayList<>();
            for (String s : options.scenarios()) {
                if (s.equals("a") || s.equals("b")) {
                    load.add(Scenario.byLetter(s));
                }
            }
            if (!load.isEmpty()) {
                int clientsNeeded = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
                log("logging in " + clientsNeeded + " clients (one SSO session each)");
                List<HttpClient> clients = new ArrayList<>();
                for (int i = 0; i < clientsNeeded; i++) {
                    HttpClient client = idp.newClient();
                    idp.logIn(client, i % 2 == 0 ? "u1001" : "u1002");
                    clients.add(client);
                }
                idp.checkTheChecks(clients.get(0));
                log("response checks: a real response passes, a wrong InResponseTo and an altered assertion fail");
                double estimate = report.limit != null ? report.limit.signaturesPerSecond() : 1000;
                for (Scenario scenario : load) {
                    double best = 0;
                    for (int concurrency : options.concurrency()) {
                        // Enough unique requests for the step: expected rate (the best so far doubled, or the signing
                        // rate for a first step) over warm-up and measurement, with a margin. If they run out, workers
                        // make more on the spot and the result says how many.
                        double rate = best > 0 ? best * Math.min(2, concurrency) : estimate * 1.2;
                        int count = (int) Math.min(400_000,
                                Math.ceil(rate * (options.warmupSeconds() + options.seconds()) * 1.3) + 200);
                        log(String.format("(%s) concurrency %d: preparing %d AuthnRequests", scenario.letter(),
                                concurrency, count));
                        Scenario.Prepared[] pool = LoadStep.prepare(idp, scenario, count);
                        LoadStep.Result result = LoadStep.run(idp, scenario, clients, concurrency, pool,
                                options.warmupSeconds(), options.seconds(), options.sampleEvery());
                        report.steps.add(result);
                        best = Math.max(best, result.throughputPerSecond());
                        log(String.format("  %.1f responses/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, failed %d, errors %d,"
                                        + " samples verified %d/%d%s", result.throughputPerSecond(), result.p50Millis(),
                                result.p90Millis(), result.p99Millis(), result.failed(), result.errors(),
                                result.samplesVerified(), result.samplesVerified() + result.samplesFailed(),
                                result.requestsMadeDuringRun() > 0 ? ", pool ran dry: " + result.requestsMadeDuringRun()
                                        + " requests made during the run" : ""));
                    }
                    estimate = Math.max(estimate, best);
                }
            }
            if (options.scenarios().contains("f")) {
                log("(f) start-up: " + options.startupRuns() + " fresh JVM(s) until /idp/metadata answers");
                report.startup = StartupTime.measure(idp, options.startupRuns(), out);
                log(String.format("  median %.0f ms, min %.0f ms", report.startup.medianMillis(),
                        report.startup.minMillis()));
            }
        }
        report.finished = Instant.now();
        Files.writeString(out.resolve("results.json"), report.json());
        String table = report.markdown();
        Files.writeString(out.resolve("results.md"), table);
        System.out.println();
        System.out.println(table);
        System.out.println("written: " + out.toAbsolutePath().resolve("results.json") + " and results.md");
        List<String> problems = report.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("PROBLEM: " + p));
            System.exit(1);
        }
    }

    private static Map<String, Object> environment(int cores) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("availableProcessors", cores);
        env.put("javaVersion", System.getProperty("java.vm.version"));
        env.put("javaVendor", System.getProperty("java.vm.vendor"));
        env.put("vm", System.getProperty("java.vm.name"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        env.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        env.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try {
            env.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown"));
        } catch (Exception e) {
            env.put("cpu", "unknown");
        }
        return env;
    }

    static void log(String line) {
        System.out.println("[bench " + DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC)
                .format(Instant.now()).substring(0, 8) + "] " + line);
    }
}
