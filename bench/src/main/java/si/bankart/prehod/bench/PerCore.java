package si.bankart.prehod.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensaml.security.credential.Credential;

import si.bankart.prehod.sandbox.Sandbox;
import si.bankart.prehod.sandbox.ca.SandboxCa;
import si.bankart.prehod.testing.RunningRedis;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;

/**
 * {@code bench/run --per-core} (issue 18): the server under test in JVMs of its own pinned to CPU {@link #SERVER},
 * the drivers (wrk, and this JVM, which bench/run pins to CPU {@link #DRIVER}) on the other. In one run: the raw
 * signing rate on CPU 0; (a) session SSO through wrk against the IdP JVM (single node, state in memory); (c) whole
 * certificate logins driven from this JVM; (g) the same SSO as (a) through two IdP nodes on one Redis, both nodes and
 * redis-server on CPU 0 (so the store's cost lands on the same one core), each node with its own wrk; and with
 * --keycloak, Keycloak's JVM pinned to CPU 0 and driven by the same wrk script. The sandbox (CA with OCSP, Rekono
 * stand-in, and its own idle in-process IdP) runs in this JVM, on the driver's core.
 */
final class PerCore {

    static final String SERVER = "0";
    static final String DRIVER = "1";

    private PerCore() {
    }

    static void run(BenchOptions options, Report report, Path out) throws Exception {
        if (Runtime.getRuntime().availableProcessors() > 1) {
            throw new IllegalStateException("--per-core expects this JVM pinned to CPU " + DRIVER
                    + " (bench/run does it); it sees " + Runtime.getRuntime().availableProcessors() + " CPUs");
        }
        List<String> scenarios = options.scenarios();
        int browsers = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        BenchMain.log("starting the sandbox (CA with OCSP, Rekono stand-in; its own IdP stays idle) on CPU " + DRIVER);
        try (BenchSandbox sandbox = BenchSandbox.start(options.rekonoAccounts())) {
            Path home = sandbox.home();
            HttpClient trusting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(sandbox.tls(null)).connectTimeout(Duration.ofSeconds(10)).build();
            Credential signer = sandbox.idpSigning();
            if (scenarios.contains("limit")) {
                BenchMain.log("signing limit: JMH, SHA256withRSA with the IdP's key, one thread, pinned to CPU " + SERVER);
                report.limit = SigningLimit.measurePinned(SERVER, home.resolve("var/keys/idp-signing.crt"),
                        home.resolve("var/keys/idp-signing.key"), options.jmhWarmupIterations(), options.jmhIterations(),
                        options.jmhIterationSeconds(), out.resolve("jmh.log"));
                BenchMain.log(String.format("  %.0f signatures/s", report.limit.signaturesPerSecond()));
            }
            if (!options.compareCollectors().isEmpty()) {
                compareCollectors(sandbox, trusting, browsers, signer, options, report, out);
            }
            boolean ownA = scenarios.contains("a") && options.compareCollectors().isEmpty();
            if (ownA || scenarios.contains("c")) {
                List<String> idpOptions = jvmOptions(options, out, "idp.jfr");
                BenchMain.log("starting the IdP in its own JVM pinned to CPU " + SERVER + " (" + String.join(" ",
                        PinnedIdp.shippedJvmOptions()) + " " + String.join(" ", idpOptions) + ")");
                try (PinnedIdp idp = PinnedIdp.start("percore-idp", home, Sandbox.environment(), SERVER, null,
                        idpOptions, trusting)) {
                    CertificateLoginJourney logins = journey(sandbox, idp, browsers);
                    if (ownA) {
                        sessionSso("a", "SSO with session, HTTP-Redirect, unsigned AuthnRequest (wrk, IdP JVM on CPU 0)",
                                idp, logins, browsers, signer, options, report, out);
                    }
                    if (scenarios.contains("c")) {
                        BenchMain.checkCertificateChecks(logins);
                        BenchMain.log("(c) checks: a login with the certificate passes, the same without one fails");
                        BenchMain.runSteps(logins, 200, options, report);
                    }
                }
            }
            if (scenarios.contains("g1") || scenarios.contains("g")) {
                runOnRedis(sandbox, trusting, browsers, options, report, out);
            }
            if (options.keycloak()) {
                runKeycloak(sandbox, browsers, options, report, out);
            }
        }
    }

    /**
     * (a) once per collector named in --compare-gc, each in an IdP JVM of its own started for it (the shipped
     * collector replaced), one after the other: steps named "a-G1" and so on, and "a-G1-2" for a collector's second
     * turn.
     */
    private static void compareCollectors(BenchSandbox sandbox, HttpClient trusting, int browsers, Credential signer,
            BenchOptions options, Report report, Path out) throws Exception {
        Map<String, Integer> turns = new LinkedHashMap<>();
        for (String collector : options.compareCollectors()) {
            int turn = turns.merge(collector, 1, Integer::sum);
            String name = "a-" + collector + (turn > 1 ? "-" + turn : "");
            List<String> jvm = new ArrayList<>(jvmOptions(options, out, name + ".jfr"));
            jvm.add("-XX:+Use" + collector + "GC");
            BenchMain.log("(" + name + ") the IdP with -XX:+Use" + collector + "GC, pinned to CPU " + SERVER);
            try (PinnedIdp idp = PinnedIdp.start("percore-" + name, sandbox.home(), Sandbox.environment(), SERVER, null,
                    jvm, trusting)) {
                sessionSso(name, "(a) with -XX:+Use" + collector + "GC instead of the shipped collector", idp,
                        journey(sandbox, idp, browsers), browsers, signer, options, report, out);
            }
        }
    }

    /** (a)'s steps under {@code name} against {@code idp}, once its browsers have logged in with the certificate. */
    private static void sessionSso(String name, String title, PinnedIdp idp, CertificateLoginJourney logins,
            int browsers, Credential signer, BenchOptions options, Report report, Path out) throws Exception {
        List<String> cookies = loggedIn(logins, browsers);
        BenchMain.log("(" + name + ") " + browsers + " browsers logged in with the certificate");
        checkTheCount(BenchSandbox.PORTAL_CERTIFICATE, sso(idp), out, "(" + name + ")");
        wrkSteps(name, title, List.of(new Wrk(name, BenchSandbox.PORTAL_CERTIFICATE, sso(idp), cookies, DRIVER, out)),
                signer, options, report, null);
    }

    /** The session cookies of {@code browsers} browsers, each logged in once. */
    private static List<String> loggedIn(CertificateLoginJourney logins, int browsers) throws Exception {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < browsers; i++) {
            cookies.add(logins.loggedInCookies(i));
        }
        return cookies;
    }

    /** --idp-java-opts, and with --jfr a profile recording into the results folder. */
    private static List<String> jvmOptions(BenchOptions options, Path out, String recording) {
        List<String> jvm = new ArrayList<>(options.idpJavaOptions());
        if (options.jfr()) {
            jvm.add("-XX:StartFlightRecording=filename=" + out.resolve(recording).toAbsolutePath()
                    + ",settings=profile,dumponexit=true");
        }
        return jvm;
    }

    private static CertificateLoginJourney journey(BenchSandbox sandbox, PinnedIdp idp, int workers) throws Exception {
        return new CertificateLoginJourney(sandbox, workers, idp.base().toString(), sso(idp).toString());
    }

    private static URI sso(PinnedIdp idp) {
        return idp.base().resolve(Paths.SSO_REDIRECT);
    }

    /** Proves the wrk count can fail: the same requests without a session cookie must count nothing. */
    private static void checkTheCount(TestServiceProvider sp, URI sso, Path out, String scenario) throws Exception {
        Wrk.Run run = new Wrk("no-session", sp, sso, List.of("no-session=1"), DRIVER, out).run(1, 1, 0);
        if (run.ok() != 0 || run.withoutResponse() + run.not200() == 0) {
            throw new IllegalStateException(scenario + ": wrk counted " + run.ok() + " responses without a session");
        }
        BenchMain.log(scenario + " check: without a session cookie wrk counts 0 of " + (run.withoutResponse()
                + run.not200()) + " answers; sampled responses are verified in full after each step");
    }

    /**
     * (g): two IdP JVMs and redis-server, all on CPU 0; the sessions made on node 1 serve SSO on both. (g1) first, if
     * asked for: node 1 alone on Redis.
     */
    private static void runOnRedis(BenchSandbox sandbox, HttpClient trusting, int browsers, BenchOptions options,
            Report report, Path out) throws Exception {
        BenchMain.log("(g) starting redis-server and two IdP nodes on it, all pinned to CPU " + SERVER);
        try (RunningRedis redis = RunningRedis.start()) {
            pin(redis);
            try (PinnedIdp first = PinnedIdp.start("percore-node-1", sandbox.home(), Sandbox.environment(), SERVER,
                    redis.port(), jvmOptions(options, out, "node-1.jfr"), trusting);
                    PinnedIdp second = PinnedIdp.start("percore-node-2", sandbox.home(), Sandbox.environment(), SERVER,
                            redis.port(), jvmOptions(options, out, "node-2.jfr"), trusting)) {
                List<String> cookies = loggedIn(journey(sandbox, first, browsers), browsers);
                List<Wrk> nodes = List.of(
                        new Wrk("g1", BenchSandbox.PORTAL_CERTIFICATE, sso(first), cookies, DRIVER, out),
                        new Wrk("g2", BenchSandbox.PORTAL_CERTIFICATE, sso(second), cookies, DRIVER, out));
                checkTheCount(BenchSandbox.PORTAL_CERTIFICATE, sso(second), out, "(g)");
                if (options.scenarios().contains("g1")) {
                    // The store's own cost, without a second JVM's JIT, GC and caches on the same core.
                    wrkSteps("g1", "SSO with session as (a), one IdP node on Redis (node and redis on CPU 0)",
                            nodes.subList(0, 1), sandbox.idpSigning(), options, report, null);
                }
                if (!options.scenarios().contains("g")) {
                    return;
                }
                long[] commands = new long[2];
                wrkSteps("g", "SSO with session as (a), two IdP nodes on Redis (nodes and redis on CPU 0)", nodes,
                        sandbox.idpSigning(), options, report, new StepHook() {
                            private long before;

                            @Override
                            public void before() {
                                before = RedisCost.commandsProcessed(redis);
                            }

                            @Override
                            public void after(long counted) {
                                commands[0] += RedisCost.commandsProcessed(redis) - before - 1;
                                commands[1] += counted;
                            }
                        });
                report.redis = RedisCost.withSessionMemory(redis, (int) commands[1],
                        (double) commands[0] / Math.max(1, commands[1]));
                BenchMain.log(String.format("  Redis: %.2f commands per SSO; %d sessions, MEMORY USAGE mean %.0f bytes,"
                        + " max %d bytes", report.redis.commandsPerSso(), report.redis.sessions(),
                        report.redis.meanSessionBytes(), report.redis.maxSessionBytes()));
            }
        }
    }

    /**
     * redis-server is this JVM's child, found by the process title it writes over its argv ("redis-server
     * 127.0.0.1:PORT", which ProcessHandle.Info does not show); taskset moves all its threads to the server's core.
     */
    private static void pin(RunningRedis redis) throws Exception {
        List<ProcessHandle> servers = ProcessHandle.current().descendants().filter(p -> {
            try {
                return Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).contains(":" + redis.port());
            } catch (java.io.IOException gone) {
                return false;
            }
        }).toList();
        if (servers.size() != 1) {
            throw new IllegalStateException("expected one redis-server child, found " + servers.size());
        }
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", SERVER,
                Long.toString(servers.get(0).pid())).redirectErrorStream(true).start();
        taskset.getInputStream().readAllBytes();
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset could not pin redis-server");
        }
    }

    private static void runKeycloak(BenchSandbox sandbox, int browsers, BenchOptions options, Report report, Path out)
            throws Exception {
        Path javaHome = KeycloakJava.choose(options.keycloakJavaHome());
        Path distribution = KeycloakServer.distribution();
        BenchMain.log("starting Keycloak pinned to CPU " + SERVER + " from " + distribution + " with " + javaHome);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < browsers; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(sandbox.tls(null))
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build());
        }
        try (KeycloakServer keycloak = KeycloakServer.start(distribution, javaHome,
                sandbox.home().resolve("var/keys/tls.p12"), SandboxCa.PASSWORD, List.of("taskset", "-a", "-c", SERVER),
                KeycloakRealm.json(BenchIdp.PORTAL_REDIRECT, browsers), clients.get(0), out.resolve("keycloak.log"))) {
            KeycloakSso journey = new KeycloakSso(keycloak, clients);
            List<String> cookies = new ArrayList<>();
            URI sso = URI.create(keycloak.ssoEndpoint());
            for (int i = 0; i < browsers; i++) {
                journey.logIn(i, KeycloakRealm.user(i + 1));
                cookies.add(String.join("; ", clients.get(i).cookieHandler().orElseThrow()
                        .get(sso, Map.of()).getOrDefault("Cookie", List.of())));
            }
            BenchMain.log("Keycloak " + keycloak.version() + ": " + browsers + " browsers logged in");
            checkTheCount(BenchIdp.PORTAL_REDIRECT, sso, out, "(a-keycloak)");
            report.keycloakVersion = keycloak.version();
            report.keycloakJava = javaHome.toString();
            wrkSteps("a-keycloak", "Keycloak: SSO with session, HTTP-Redirect, unsigned AuthnRequest (wrk, JVM on CPU 0)",
                    List.of(new Wrk("a-keycloak", BenchIdp.PORTAL_REDIRECT, sso, cookies, DRIVER, out)),
                    keycloak.realmCertificate(), options, report, null);
        }
    }

    /** Around each measured step (not the warm-up): (g) reads Redis's command counter. */
    interface StepHook {
        void before();

        void after(long counted);
    }

    /**
     * Every concurrency step through wrk: an unrecorded settling run at the highest concurrency, then per step a
     * warm-up run and the measured run. With several targets (nodes) the connections are split between them and
     * their wrk processes run at once: throughput is the sum, p50/p90/p99/max the worst of the targets.
     */
    private static void wrkSteps(String name, String title, List<Wrk> targets, Credential signer,
            BenchOptions options, Report report, StepHook hook) throws Exception {
        report.labels.put(name, "(" + name + ") " + title);
        int most = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        double settle = Math.max(2, 2 * options.warmupSeconds());
        BenchMain.log(String.format("(%s) settling: %.0f s at concurrency %d, not recorded", name, settle, most));
        runAll(targets, most, settle, 0);
        for (int concurrency : options.concurrency()) {
            if (concurrency < targets.size()) {
                // Fewer connections than nodes would leave a node idle: that step would measure fewer nodes.
                BenchMain.log(String.format("(%s) concurrency %d skipped: below one connection per node", name,
                        concurrency));
                continue;
            }
            if (options.warmupSeconds() > 0) {
                runAll(targets, concurrency, options.warmupSeconds(), 0);
            }
            if (hook != null) {
                hook.before();
            }
            List<Map.Entry<Wrk.Started, Wrk.Run>> runs = runAll(targets, concurrency, options.seconds(),
                    options.sampleEvery());
            long ok = 0;
            long failed = 0;
            long errors = 0;
            double throughput = 0;
            double seconds = 0;
            double p50 = 0;
            double p90 = 0;
            double p99 = 0;
            double max = 0;
            double meanSum = 0;
            int verified = 0;
            int samplesFailed = 0;
            Map<String, Long> reasons = new LinkedHashMap<>();
            for (Map.Entry<Wrk.Started, Wrk.Run> entry : runs) {
                Wrk.Run run = entry.getValue();
                ok += run.ok();
                failed += run.withoutResponse() + run.not200();
                errors += run.socketErrors();
                throughput += run.ok() / run.seconds();
                seconds = Math.max(seconds, run.seconds());
                p50 = Math.max(p50, run.p50Millis());
                p90 = Math.max(p90, run.p90Millis());
                p99 = Math.max(p99, run.p99Millis());
                max = Math.max(max, run.maxMillis());
                meanSum += run.meanMillis() * run.ok();
                if (run.withoutResponse() > 0) {
                    reasons.merge("200 without SAMLResponse", run.withoutResponse(), Long::sum);
                }
                if (run.not200() > 0) {
                    reasons.merge("not 200", run.not200(), Long::sum);
                }
                int[] checked = Wrk.verifySamples(run.samples(), entry.getKey().idPrefix(), signer, reasons);
                verified += checked[0];
                samplesFailed += checked[1];
            }
            if (hook != null) {
                hook.after(ok);
            }
            LoadStep.Result result = new LoadStep.Result(name, concurrency, seconds, ok, failed, errors, throughput,
                    p50, p90, p99, max, ok == 0 ? 0 : meanSum / ok, 0, verified, samplesFailed, 0, 0, reasons);
            report.steps.add(result);
            BenchMain.log(String.format("(%s) concurrency %d: %.1f responses/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                    + " failed %d, socket errors %d, samples verified %d/%d%s", name, concurrency, throughput, p50,
                    p90, p99, failed, errors, verified, verified + samplesFailed, reasons.isEmpty() ? "" : " " + reasons));
        }
    }

    private static List<Map.Entry<Wrk.Started, Wrk.Run>> runAll(List<Wrk> targets, int connections, double seconds,
            int sampleEvery) throws Exception {
        List<Wrk.Started> started = new ArrayList<>();
        List<Wrk> used = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            int share = connections / targets.size() + (i < connections % targets.size() ? 1 : 0);
            if (share > 0) {
                started.add(targets.get(i).start(share, seconds, sampleEvery));
                used.add(targets.get(i));
            }
        }
        List<Map.Entry<Wrk.Started, Wrk.Run>> runs = new ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            runs.add(Map.entry(started.get(i), used.get(i).await(started.get(i))));
        }
        return runs;
    }
}
