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

import si.bankart.prehod.testing.RunningRedis;

/**
 * The benchmark of issue 7: scenarios (a) and (b) at each concurrency, the signing limit (JMH), optionally (a) against
 * Keycloak, (f), then (c) and (d) through the whole sandbox, then (e) in a JVM of its own. Writes results.json,
 * results.md and chart.png into the results folder and prints the table. Exits 1 when a step counted nothing or a
 * sampled response failed full verification (the figures would then be meaningless). Run it through bench/run, which
 * builds the class path and starts it in bench/.
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
        int clientsNeeded = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);

        if (options.perCore()) {
            PerCore.run(options, report, out);
        } else {
            runInJvm(options, clientsNeeded, report, out);
        }
        report.finished = Instant.now();
        Files.writeString(out.resolve("results.json"), report.json());
        String table = report.markdown();
        Files.writeString(out.resolve("results.md"), table);
        if (!report.steps.isEmpty()) {
            ResultsChart.write(report.steps, report.labels, report.chartSubtitle(), out.resolve("chart.png"));
        }
        System.out.println();
        System.out.println(table);
        System.out.println("written: " + out.toAbsolutePath().resolve("results.json") + ", results.md"
                + (report.steps.isEmpty() ? "" : ", chart.png"));
        List<String> problems = report.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("PROBLEM: " + p));
            System.exit(1);
        }
    }

    /** The in-JVM mode (quick): the driver and the IdPs in this JVM, sharing every core. */
    private static void runInJvm(BenchOptions options, int clientsNeeded, Report report, Path out) throws Exception {
        List<String> scenarios = options.scenarios();
        boolean needsIdp = options.keycloak() || scenarios.stream().anyMatch(List.of("a", "b", "limit", "f")::contains);
        if (needsIdp) {
            runOnBenchIdp(options, clientsNeeded, report, out);
        }
        if (scenarios.contains("g")) {
            runOnRedisNodes(options, clientsNeeded, report);
        }
        if (scenarios.contains("c") || scenarios.contains("d")) {
            runSandbox(options, clientsNeeded, report);
        }
        if (scenarios.contains("e")) {
            log("(e) memory: " + options.memorySessions() + " live SSO sessions in a JVM of its own");
            report.memory = SessionMemory.measure(options.memorySessions(), out);
            for (SessionMemory.Level level : report.memory.levels()) {
                log(String.format("  %d sessions: heap %.0f bytes/session, RSS %.0f bytes/session", level.sessions(),
                        level.heapBytesPerSession(), level.rssBytesPerSession()));
            }
        }
    }

    /** The signing limit, (a), (b), Keycloak's (a) and (f): all on the benchmark IdP of {@link BenchIdp}. */
    private static void runOnBenchIdp(BenchOptions options, int clientsNeeded, Report report, Path out)
            throws Exception {
        List<String> scenarios = options.scenarios();
        log("starting the IdP (RSA-2048 keys are generated on first start)");
        try (BenchIdp idp = BenchIdp.start()) {
            log("IdP at " + idp.baseUri());
            if (scenarios.contains("limit")) {
                log("signing limit: JMH, SHA256withRSA with the IdP's key, one thread");
                report.limit = SigningLimit.measure(idp, options.jmhWarmupIterations(), options.jmhIterations(),
                        options.jmhIterationSeconds(), out.resolve("jmh.log"));
                log(String.format("  %.0f signatures/s", report.limit.signaturesPerSecond()));
            }
            double signing = report.limit != null ? report.limit.signaturesPerSecond() : 1000;
            if (scenarios.contains("a") || scenarios.contains("b")) {
                log("logging in " + clientsNeeded + " clients (one SSO session each)");
                List<HttpClient> clients = loggedInClients(idp, clientsNeeded);
                log("response checks: a real response passes, a wrong InResponseTo and an altered assertion fail");
                for (Scenario scenario : Scenario.values()) {
                    if (scenarios.contains(scenario.letter())) {
                        runSteps(new SessionSso(scenario, idp, clients), signing * 1.2, options, report);
                    }
                }
            }
            if (options.keycloak()) {
                runKeycloak(idp, options, clientsNeeded, report, out);
            }
            if (scenarios.contains("f")) {
                log("(f) start-up: " + options.startupRuns() + " fresh JVM(s) until /idp/metadata answers");
                report.startup = StartupTime.measure(idp, options.startupRuns(), out);
                log(String.format("  median %.0f ms, min %.0f ms", report.startup.medianMillis(),
                        report.startup.minMillis()));
            }
        }
    }

    /** Clients with an SSO session each, and the response checks proven able to fail on the first. */
    private static List<HttpClient> loggedInClients(BenchIdp idp, int count) throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpClient client = idp.newClient();
            idp.logIn(client, i % 2 == 0 ? "u1001" : "u1002");
            clients.add(client);
        }
        idp.checkTheChecks(clients.get(0));
        return clients;
    }

    /** (g): (a)'s requests through two IdP nodes on one real redis-server, then what Redis spent on them. */
    private static void runOnRedisNodes(BenchOptions options, int clientsNeeded, Report report) throws Exception {
        log("(g) starting redis-server and two IdP nodes on it");
        try (RunningRedis redis = RunningRedis.start(); BenchIdp idp = BenchIdp.startOnRedis(redis.port())) {
            List<HttpClient> clients = loggedInClients(idp, clientsNeeded);
            runSteps(new SessionSso(Scenario.A_REDIRECT, "g", "SSO with session as (a), through two IdP nodes on Redis,"
                    + " each request to the next node", idp, clients), 1000, options, report);
            report.redis = RedisCost.measure(redis, idp, clients.get(0), 200);
            log(String.format("  Redis: %.2f commands per SSO; %d sessions, MEMORY USAGE mean %.0f bytes, max %d bytes",
                    report.redis.commandsPerSso(), report.redis.sessions(), report.redis.meanSessionBytes(),
                    report.redis.maxSessionBytes()));
        }
    }

    /** (c) and (d) through the whole sandbox, started once for both. */
    private static void runSandbox(BenchOptions options, int workers, Report report) throws Exception {
        log("starting the sandbox (IdP with conf/, CA with OCSP, Rekono stand-in with " + options.rekonoAccounts()
                + " benchmark accounts, portals)");
        try (BenchSandbox sandbox = BenchSandbox.start(options.rekonoAccounts())) {
            if (options.scenarios().contains("c")) {
                CertificateLoginJourney journey = new CertificateLoginJourney(sandbox, workers);
                checkCertificateChecks(journey);
                log("(c) checks: a login with the certificate passes, the same without a certificate fails");
                runSteps(journey, 200, options, report);
            }
            if (options.scenarios().contains("d")) {
                RekonoLoginJourney journey = new RekonoLoginJourney(sandbox, workers);
                checkRekonoChecks(journey);
                log("(d) checks: a login with the right OnePass code passes, one with a wrong code fails");
                journey.accounts().resetWaited();
                runSteps(journey, 40, options, report);
                report.rekonoAccounts = options.rekonoAccounts();
                report.rekonoAccountWaitMillis = journey.accounts().waitedMillis();
            }
        }
    }

    static void checkCertificateChecks(CertificateLoginJourney journey) throws Exception {
        Journey.Prepared good = journey.prepare();
        Journey.Answer answer = journey.perform(0, good);
        SamlResponseCheck.Checked checked = SamlResponseCheck.quick(answer.status(), answer.body(), good.id());
        if (!checked.ok()) {
            throw new IllegalStateException("certificate login did not end in a signed response: " + checked.reason());
        }
        SamlResponseCheck.verify(checked.samlResponse(), good.id(), journey.signer());
        Journey.Prepared bad = journey.prepare();
        Journey.Answer refused = journey.logIn(journey.client(0), null, bad);
        if (SamlResponseCheck.quick(refused.status(), refused.body(), bad.id()).ok()) {
            throw new IllegalStateException("a certificate login without a certificate was counted");
        }
    }

    private static void checkRekonoChecks(RekonoLoginJourney journey) throws Exception {
        journey.beforeIteration(0);
        Journey.Prepared good = journey.prepare();
        Journey.Answer answer = journey.perform(0, good);
        SamlResponseCheck.Checked checked = SamlResponseCheck.quick(answer.status(), answer.body(), good.id());
        if (!checked.ok()) {
            throw new IllegalStateException("Rekono login did not end in a signed response: " + checked.reason()
                    + " (HTTP " + answer.status() + ")");
        }
        SamlResponseCheck.verify(checked.samlResponse(), good.id(), journey.signer());
        OnePassAccounts.Reserved other = journey.accounts().reserve();
        String wrong = OnePassCode.at(other.account().totpSecret(), other.step() + 7);
        Journey.Prepared bad = journey.prepare();
        Journey.Answer refused = journey.logIn(0, bad, other, wrong);
        if (SamlResponseCheck.quick(refused.status(), refused.body(), bad.id()).ok()) {
            throw new IllegalStateException("a Rekono login with a wrong one-time code was counted");
        }
    }

    private static void runKeycloak(BenchIdp idp, BenchOptions options, int workers, Report report, Path out)
            throws Exception {
        Path javaHome = KeycloakJava.choose(options.keycloakJavaHome());
        Path distribution = KeycloakServer.distribution();
        log("starting Keycloak from " + distribution + " with " + javaHome + " (production start, dev-file database)");
        long t0 = System.nanoTime();
        try (KeycloakServer keycloak = KeycloakServer.start(distribution, javaHome, idp,
                KeycloakRealm.json(BenchIdp.PORTAL_REDIRECT, workers), idp.newClient(), out.resolve("keycloak.log"))) {
            log(String.format("  %s answered after %.1f s at %s", keycloak.version(), (System.nanoTime() - t0) / 1e9,
                    keycloak.ssoEndpoint()));
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                clients.add(idp.newClient());
            }
            KeycloakSso journey = new KeycloakSso(keycloak, clients);
            log("logging in " + workers + " clients at Keycloak (one SSO session each)");
            for (int i = 0; i < workers; i++) {
                journey.logIn(i, KeycloakRealm.user(i + 1));
            }
            Journey.Prepared probe = journey.prepare();
            Journey.Answer answer = journey.perform(0, probe);
            if (SamlResponseCheck.quick(answer.status(), answer.body(), "_another" + probe.id().substring(1)).ok()) {
                throw new IllegalStateException("the quick check accepted a Keycloak response to another request");
            }
            report.keycloakVersion = keycloak.version();
            report.keycloakJava = javaHome.toString();
            runSteps(journey, 300, options, report);
        }
    }

    /** Every concurrency step of one journey; {@code estimate}: expected responses/s of the first step. */
    static void runSteps(Journey journey, double estimate, BenchOptions options, Report report)
            throws InterruptedException {
        report.labels.put(journey.name(), "(" + journey.name() + ") " + journey.title());
        if (journey.part() != null) {
            report.parts.put(journey.name(), journey.part());
        }
        // Once per journey, unrecorded: the JIT of a freshly started server (Keycloak's above all) is not measured.
        int most = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        double settle = Math.max(2, 2 * options.warmupSeconds());
        log(String.format("(%s) settling: %.0f s at concurrency %d, not recorded", journey.name(), settle, most));
        LoadStep.run(journey, most, LoadStep.prepare(journey, (int) Math.min(100_000, estimate * settle * 1.3) + 50), 0,
                settle, Integer.MAX_VALUE);
        double best = 0;
        for (int concurrency : options.concurrency()) {
            // Enough unique requests for the step: expected rate (the best so far doubled, or the estimate for a
            // first step) over warm-up and measurement, with a margin. If they run out, workers make more on the spot
            // and the result says how many.
            double rate = best > 0 ? best * Math.min(2, concurrency) : estimate;
            int count = (int) Math.min(400_000, Math.ceil(rate * (options.warmupSeconds() + options.seconds()) * 1.3) + 50);
            log(String.format("(%s) concurrency %d: preparing %d AuthnRequests", journey.name(), concurrency, count));
            Journey.Prepared[] pool = LoadStep.prepare(journey, count);
            LoadStep.Result result = LoadStep.run(journey, concurrency, pool, options.warmupSeconds(), options.seconds(),
                    options.sampleEvery());
            report.steps.add(result);
            best = Math.max(best, result.throughputPerSecond());
            log(String.format("  %.1f responses/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,%s"
                            + " failed %d, errors %d, samples verified %d/%d%s%s", result.throughputPerSecond(),
                    result.p50Millis(), result.p90Millis(), result.p99Millis(), journey.part() == null ? ""
                            : String.format(" %s: %.1f ms of %.1f,", journey.part(), result.partMeanMillis(),
                            result.meanMillis()), result.failed(), result.errors(), result.samplesVerified(),
                    result.samplesVerified() + result.samplesFailed(),
                    result.requestsMadeDuringRun() > 0 ? ", pool ran dry: " + result.requestsMadeDuringRun()
                            + " requests made during the run" : "",
                    result.failureReasons().isEmpty() ? "" : " " + result.failureReasons()));
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
