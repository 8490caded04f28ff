package si.bankart.prehod.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The driver's command line; see {@link #USAGE}. */
record BenchOptions(double seconds, double warmupSeconds, List<Integer> concurrency, List<String> scenarios,
        int sampleEvery, int jmhWarmupIterations, int jmhIterations, double jmhIterationSeconds, int startupRuns,
        int rekonoAccounts, List<Integer> memorySessions, boolean keycloak, Path keycloakJavaHome, Path out,
        boolean quick, boolean perCore, boolean jfr, List<String> idpJavaOptions, List<String> compareCollectors) {

    static final List<String> SCENARIOS = List.of("a", "b", "c", "d", "e", "limit", "f", "g");
    /** What --per-core measures: the server pinned to CPU 0, the drivers on CPU 1. */
    static final List<String> PER_CORE_SCENARIOS = List.of("limit", "a", "c", "g1", "g");

    static final String USAGE = """
            usage: bench/run [options]
              --per-core            the IdP (and Keycloak, Redis) in JVMs of their own pinned to CPU 0 (taskset), the
                                    drivers pinned to CPU 1: wrk with wrk/sso.lua for (a), (g) and Keycloak, this
                                    JVM for (c); scenarios limit,a,c,g1,g; 3 s warm-up + 10 s per step, about 8 min
                                    (11 with --keycloak). Without it: the in-JVM mode (quick), driver and IdP in one
                                    JVM sharing every core
              --jfr                 --per-core: each IdP JVM records a JFR profile (settings=profile: CPU samples,
                                    allocation samples, locks) into the results folder: idp.jfr, node-1.jfr, node-2.jfr
              --idp-java-opts "O"   --per-core: JVM options for the IdP after conf/jvm.options'; a -XX:+Use...GC
                                    here replaces the shipped collector (to compare G1, Parallel, Serial, ZGC)
              --compare-gc LIST     --per-core: (a) once per collector, each in a fresh IdP JVM, one after the other in
                                    this run, e.g. Parallel,G1,Z,Serial,Parallel (a collector named twice runs twice,
                                    which shows how much the machine drifted meanwhile); replaces (a)'s own steps
              --seconds S           the same as --duration
              --duration S          measured seconds per concurrency step (default 20; --per-core 10)
              --warmup S            warm-up seconds before each step, not counted (default 5)
              --concurrency LIST    comma-separated (default 1,2,4,8,16)
              --scenarios LIST      of a, b, c, d, e, limit, f, g (default all; g: (a) on two nodes on Redis);
                                    --per-core also g1: (a) on one node on Redis
                                      a      SSO with a session, HTTP-Redirect, unsigned AuthnRequest
                                      b      SSO with a session, HTTP-POST, signed AuthnRequest
                                      c      full certificate login, new TLS handshake with a client certificate each
                                      d      full Rekono login through the sandbox stand-in, password + OnePass (TOTP)
                                      e      memory: heap and RSS with 10k and 100k live SSO sessions (own JVM)
                                      limit  JMH: raw SHA256withRSA signatures/s, one thread, the IdP's key
                                      f      start-up: JVM start to the first served /idp/metadata
              --keycloak            also run (a) against Keycloak (downloaded by Maven into bench/target/keycloak)
              --keycloak-java DIR   JDK 21+ for Keycloak (default: $BENCH_KEYCLOAK_JAVA_HOME, else
                                    /usr/lib/jvm/temurin-25-jdk-amd64, else this JVM if it is 21+)
              --rekono-accounts N   Rekono accounts for (d); each logs in at most once per 30 s TOTP step (default 900)
              --memory-sessions L   session counts for (e) (default 10000,100000)
              --sample-every N      verify every N-th counted response in full with OpenSAML (default 100)
              --jmh-warmup N        JMH warm-up iterations (default 3)
              --jmh-iterations N    JMH measurement iterations (default 5)
              --jmh-time S          seconds per JMH iteration (default 2)
              --startup-runs N      start-ups measured for (f) (default 3)
              --out DIR             results folder (default results/<UTC timestamp>, relative to bench/)
              --quick               smoke run: --duration 2 --warmup 1 --jmh-warmup 1 --jmh-iterations 2
                                    --jmh-time 1 --startup-runs 1 --rekono-accounts 120 (figures are not meaningful)
            """;

    static BenchOptions parse(String[] args, Path defaultOut) {
        double seconds = 20;
        double warmup = 5;
        List<Integer> concurrency = List.of(1, 2, 4, 8, 16);
        List<String> scenarios = SCENARIOS;
        int sampleEvery = 100;
        int jmhWarmup = 3;
        int jmhIterations = 5;
        double jmhTime = 2;
        int startupRuns = 3;
        int rekonoAccounts = 900;
        List<Integer> memorySessions = List.of(10_000, 100_000);
        boolean keycloak = false;
        Path keycloakJava = null;
        Path out = defaultOut;
        boolean quick = false;
        boolean perCore = List.of(args).contains("--per-core");
        boolean jfr = false;
        List<String> idpJavaOptions = List.of();
        List<String> compareCollectors = List.of();
        if (perCore) {
            seconds = 10;
            warmup = 3;
            scenarios = PER_CORE_SCENARIOS;
            rekonoAccounts = 10; // (d) is not measured per core; the sandbox still wants its accounts file
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.contains("--quick")) {
            quick = true;
            seconds = 2;
            warmup = 1;
            jmhWarmup = 1;
            jmhIterations = 2;
            jmhTime = 1;
            startupRuns = 1;
            rekonoAccounts = 120;
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick", "--per-core" -> { }
                case "--keycloak" -> keycloak = true;
                case "--jfr" -> jfr = true;
                case "--idp-java-opts" -> idpJavaOptions = Arrays.stream(value(args, ++i).trim().split("\\s+"))
                        .filter(o -> !o.isEmpty()).toList();
                case "--keycloak-java" -> keycloakJava = Path.of(value(args, ++i));
                case "--compare-gc" -> compareCollectors = collectors(value(args, ++i));
                case "--duration", "--seconds" -> seconds = positive(args, ++i);
                case "--warmup" -> warmup = Double.parseDouble(value(args, ++i));
                case "--concurrency" -> concurrency = integers(value(args, ++i));
                case "--scenarios" -> scenarios = Arrays.stream(value(args, ++i).split(",")).map(String::trim).toList();
                case "--rekono-accounts" -> rekonoAccounts = (int) positive(args, ++i);
                case "--memory-sessions" -> memorySessions = integers(value(args, ++i));
                case "--sample-every" -> sampleEvery = (int) positive(args, ++i);
                case "--jmh-warmup" -> jmhWarmup = Integer.parseInt(value(args, ++i));
                case "--jmh-iterations" -> jmhIterations = (int) positive(args, ++i);
                case "--jmh-time" -> jmhTime = positive(args, ++i);
                case "--startup-runs" -> startupRuns = (int) positive(args, ++i);
                case "--out" -> out = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        for (String scenario : scenarios) {
            if (perCore && !PER_CORE_SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException("--per-core measures " + PER_CORE_SCENARIOS + ", not " + scenario);
            }
            if (!SCENARIOS.contains(scenario) && !PER_CORE_SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException("unknown scenario " + scenario + "\n" + USAGE);
            }
        }
        if (!compareCollectors.isEmpty() && !perCore) {
            throw new IllegalArgumentException("--compare-gc needs --per-core");
        }
        if (concurrency.stream().anyMatch(c -> c < 1) || memorySessions.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("concurrency and session counts must be at least 1");
        }
        if (keycloakJava == null && System.getenv("BENCH_KEYCLOAK_JAVA_HOME") != null) {
            keycloakJava = Path.of(System.getenv("BENCH_KEYCLOAK_JAVA_HOME"));
        }
        return new BenchOptions(seconds, warmup, concurrency, scenarios, sampleEvery, jmhWarmup, jmhIterations, jmhTime,
                startupRuns, rekonoAccounts, memorySessions, keycloak, keycloakJava, out, quick, perCore, jfr,
                idpJavaOptions, compareCollectors);
    }

    /** Collector names as in -XX:+Use<name>GC (Parallel, G1, Z, Serial); anything else is refused by name. */
    private static List<String> collectors(String list) {
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).toList();
        for (String name : names) {
            if (!name.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("--compare-gc: '" + name + "' is no collector name (as in "
                        + "-XX:+Use<name>GC: Parallel, G1, Z, Serial)");
            }
        }
        return names;
    }

    private static List<Integer> integers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static double positive(String[] args, int i) {
        double v = Double.parseDouble(value(args, i));
        if (v <= 0) {
            throw new IllegalArgumentException(args[i - 1] + " must be positive");
        }
        return v;
    }
}
