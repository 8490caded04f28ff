package si.bankart.prehod.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** One run's results: the JSON file, the Markdown table, and the targets of issue 7 set against them. */
final class Report {

    static final double TARGET_RATIO_A = 0.70;
    static final double TARGET_RATIO_C = 0.35;
    static final double TARGET_TIMES_KEYCLOAK = 5;
    static final double TARGET_P99_MILLIS_AT_8 = 25;
    static final double TARGET_STARTUP_MILLIS = 3000;

    final Instant started;
    final BenchOptions options;
    final Map<String, Object> environment;
    final List<LoadStep.Result> steps = new ArrayList<>();
    /** Scenario name to its title, for the table and the chart's legend. */
    final Map<String, String> labels = new LinkedHashMap<>();
    /** Scenario name to the part of its iteration timed apart (the "part ms" column). */
    final Map<String, String> parts = new LinkedHashMap<>();
    SigningLimit.Result limit;
    StartupTime.Result startup;
    SessionMemory.Result memory;
    /** (g): Redis commands per SSO and memory per session; null when (g) did not run. */
    RedisCost.Result redis;
    String keycloakVersion;
    String keycloakJava;
    Integer rekonoAccounts;
    Long rekonoAccountWaitMillis;
    Instant finished;

    Report(Instant started, BenchOptions options, Map<String, Object> environment) {
        this.started = started;
        this.options = options;
        this.environment = environment;
    }

    /** The cores the server under test had: all of them in the in-JVM mode, one in the per-core mode. */
    int cores() {
        return options.perCore() ? 1 : (Integer) environment.get("availableProcessors");
    }

    /** How driver and server shared the machine, for the table and the chart. */
    String mode() {
        return options.perCore()
                ? "per-core mode: server JVMs (IdP, Keycloak, Redis) pinned to CPU " + PerCore.SERVER + ", drivers (wrk, "
                        + "the Java driver with the sandbox) pinned to CPU " + PerCore.DRIVER
                : "in-JVM mode (quick): driver and IdP share the JVM and every core";
    }

    Optional<LoadStep.Result> best(String scenario) {
        return steps.stream().filter(s -> s.scenario().equals(scenario))
                .max(Comparator.comparingDouble(LoadStep.Result::throughputPerSecond));
    }

    Optional<LoadStep.Result> step(String scenario, int concurrency) {
        return steps.stream().filter(s -> s.scenario().equals(scenario) && s.concurrency() == concurrency).findFirst();
    }

    /** A scenario per core at its best concurrency, over the raw signing rate of one thread. */
    Optional<Double> ratio(String scenario) {
        if (limit == null) {
            return Optional.empty();
        }
        return best(scenario).map(b -> b.throughputPerSecond() / cores() / limit.signaturesPerSecond());
    }

    /** (a) at its best over Keycloak's (a) at its best. */
    Optional<Double> timesKeycloak() {
        return best("a").flatMap(a -> best("a-keycloak").map(k -> a.throughputPerSecond() / k.throughputPerSecond()));
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (LoadStep.Result s : steps) {
            if (s.ok() == 0) {
                problems.add("(" + s.scenario() + ") at concurrency " + s.concurrency() + " counted no response: "
                        + s.failureReasons());
            }
            if (s.samplesFailed() > 0) {
                problems.add("(" + s.scenario() + ") at concurrency " + s.concurrency() + ": " + s.samplesFailed()
                        + " sampled responses failed full verification: " + s.failureReasons());
            }
        }
        return problems;
    }

    String chartSubtitle() {
        return String.format("%s, %s (%s), Java %s; %.0f s warm-up + %.0f s measured per step%s",
                started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                options.perCore() ? "server on 1 core" : environment.get("availableProcessors") + " cores shared",
                environment.get("cpu"), environment.get("javaVersion"),
                options.warmupSeconds(), options.seconds(), options.quick() ? "; SMOKE RUN, figures not meaningful" : "");
    }

    String json() throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("started", started.toString());
        root.put("finished", finished == null ? null : finished.toString());
        root.put("note", "Figures depend on the machine and on what else runs on it; compare ratios taken in one run.");
        root.put("environment", environment);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("measuredSecondsPerStep", options.seconds());
        settings.put("warmupSecondsPerStep", options.warmupSeconds());
        settings.put("concurrency", options.concurrency());
        settings.put("scenarios", options.scenarios());
        settings.put("keycloak", options.keycloak());
        settings.put("sampleEvery", options.sampleEvery());
        settings.put("quick", options.quick());
        settings.put("mode", mode());
        settings.put("transport", options.perCore()
                ? "HTTPS over loopback, HTTP/1.1 keep-alive; (a), (g), Keycloak: wrk -t1 with wrk/sso.lua (a fresh "
                        + "AuthnRequest per request, counted: 200 with a SAMLResponse); (c): java.net.http.HttpClient "
                        + "per worker and a new TLS connection to the certificate connector per login"
                : "HTTPS over loopback, HTTP/1.1 keep-alive, java.net.http.HttpClient per worker, "
                        + "driver and IdP in one JVM; (c) opens a new TLS connection to the certificate connector per login");
        root.put("settings", settings);
        root.put("scenarioTitles", labels);
        root.put("timedParts", parts);
        root.put("steps", steps);
        root.put("signingLimit", limit);
        Map<String, Object> targets = new LinkedHashMap<>();
        ratio("a").ifPresent(r -> {
            targets.put("aPerCoreOverRawSigningRate", r);
            targets.put("aPerCoreOverRawSigningRateTarget", TARGET_RATIO_A);
            targets.put("aBestConcurrency", best("a").get().concurrency());
        });
        step("a", 8).ifPresent(s -> {
            targets.put("aP99MillisAtConcurrency8", s.p99Millis());
            targets.put("aP99MillisAtConcurrency8Target", TARGET_P99_MILLIS_AT_8);
        });
        timesKeycloak().ifPresent(t -> {
            targets.put("aOverKeycloakA", t);
            targets.put("aOverKeycloakATarget", TARGET_TIMES_KEYCLOAK);
        });
        ratio("c").ifPresent(r -> {
            targets.put("cPerCoreOverRawSigningRate", r);
            targets.put("cPerCoreOverRawSigningRateTarget", TARGET_RATIO_C);
        });
        if (memory != null) {
            memory.levels().stream().reduce((first, last) -> last).ifPresent(l -> {
                targets.put("eHeapBytesPerSessionAt" + l.sessions(), l.heapBytesPerSession());
                targets.put("eHeapBytesPerSessionTarget", SessionMemory.TARGET_HEAP_BYTES_PER_SESSION);
            });
        }
        if (startup != null) {
            targets.put("startupMedianMillis", startup.medianMillis());
            targets.put("startupMillisTarget", TARGET_STARTUP_MILLIS);
        }
        root.put("targets", targets);
        root.put("startup", startup);
        root.put("memory", memory);
        root.put("redis", redis);
        if (keycloakVersion != null) {
            root.put("keycloak", Map.of("version", keycloakVersion, "java", keycloakJava, "mode",
                    "kc.sh start (production), --db=dev-file, --cache=local, HTTPS on 127.0.0.1, heap -Xms512m -Xmx2g"));
        }
        if (rekonoAccounts != null) {
            root.put("rekono", Map.of("accounts", rekonoAccounts, "waitedForFreshTotpStepMillis", rekonoAccountWaitMillis));
        }
        root.put("problems", problems());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Varni Prehod benchmark, ").append(started).append("\n\n");
        md.append(String.format("Machine: %s cores (%s), %s, Java %s; load average at start %.2f.%n",
                environment.get("availableProcessors"), environment.get("cpu"), environment.get("os"),
                environment.get("javaVersion"), (Double) environment.get("loadAverageAtStart")));
        md.append(String.format("Steps: %.1f s warm-up + %.1f s measured; %s (HTTPS over loopback, HTTP/1.1 "
                + "keep-alive).%s%n%n", options.warmupSeconds(), options.seconds(), mode(),
                options.quick() ? " **Smoke run (--quick): figures are not meaningful.**" : ""));
        if (!steps.isEmpty()) {
            md.append("| scenario | concurrency | responses/s | p50 ms | p90 ms | p99 ms | max ms | part ms (mean) |"
                    + " counted | failed | errors | verified sample |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (LoadStep.Result s : steps) {
                md.append(String.format("| (%s) | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %s | %d | %d | %d | %d/%d%s |%n",
                        s.scenario(), s.concurrency(), s.throughputPerSecond(), s.p50Millis(), s.p90Millis(),
                        s.p99Millis(), s.maxMillis(), parts.containsKey(s.scenario())
                                ? String.format("%.1f of %.1f", s.partMeanMillis(), s.meanMillis()) : "",
                        s.ok(), s.failed(), s.errors(), s.samplesVerified(), s.samplesVerified() + s.samplesFailed(),
                        s.requestsMadeDuringRun() > 0 ? " (pool dry: " + s.requestsMadeDuringRun() + ")" : ""));
            }
            md.append("\n");
            labels.forEach((name, title) -> md.append("- ").append(title).append(parts.containsKey(name)
                    ? "; part: " + parts.get(name) : "").append("\n"));
            md.append("\n");
        }
        if (limit != null) {
            md.append(String.format("Signing limit (JMH, 1 thread, %s-%d, SHA256withRSA, provider %s): **%.0f "
                            + "signatures/s** (%s%d×%.0f s measured).%n", limit.keyAlgorithm(), limit.keyBits(),
                    limit.provider(), limit.signaturesPerSecond(),
                    limit.error() == null ? "" : String.format("± %.0f, ", limit.error()), limit.measurementIterations(),
                    limit.iterationSeconds()));
        }
        ratio("a").ifPresent(r -> md.append(ratioLine("a", r, TARGET_RATIO_A)));
        step("a", 8).ifPresent(s -> md.append(String.format("(a) p99 at concurrency 8: %.2f ms (target ≤ %.0f ms: %s).%n",
                s.p99Millis(), TARGET_P99_MILLIS_AT_8, s.p99Millis() <= TARGET_P99_MILLIS_AT_8 ? "met" : "missed")));
        labels.keySet().stream().filter(name -> name.startsWith("a-") && !name.equals("a-keycloak"))
                .forEach(name -> step(name, 8).ifPresent(s -> md.append(String.format("(%s) at concurrency 8: %.1f "
                                + "responses/s%s, p99 %.2f ms, p50 %.2f ms.%n", name, s.throughputPerSecond(),
                        limit == null ? "" : String.format(" = %.1f %% of the signing rate",
                                100 * s.throughputPerSecond() / limit.signaturesPerSecond()),
                        s.p99Millis(), s.p50Millis()))));
        timesKeycloak().ifPresent(t -> md.append(String.format("(a) against Keycloak %s (same driver, same rules, "
                        + "production start, dev-file DB): %.1f vs %.1f responses/s at best = **%.2f×** (target ≥ %.0f×: %s).%n",
                keycloakVersion, best("a").get().throughputPerSecond(), best("a-keycloak").get().throughputPerSecond(),
                t, TARGET_TIMES_KEYCLOAK, t >= TARGET_TIMES_KEYCLOAK ? "met" : "missed")));
        ratio("c").ifPresent(r -> md.append(ratioLine("c", r, TARGET_RATIO_C)));
        best("d").ifPresent(d -> md.append(String.format("(d) at its best (concurrency %d): %.1f logins/s; of a login's "
                        + "%.1f ms on average, %.1f ms were requests the IdP answered (its broker work, including the "
                        + "back-channel token and userinfo calls it waits for), the rest the stand-in's pages "
                        + "(PBKDF2 password check). %d Rekono accounts; workers waited %.1f s in all for a fresh TOTP step%s.%n",
                d.concurrency(), d.throughputPerSecond(), d.meanMillis(), d.partMeanMillis(), rekonoAccounts,
                rekonoAccountWaitMillis / 1000.0, rekonoAccountWaitMillis > 0
                        ? " (then the account count, not the IdP, limited throughput)" : "")));
        if (memory != null) {
            for (SessionMemory.Level level : memory.levels()) {
                md.append(String.format("(e) %,d live SSO sessions (one portal each): heap +%.1f MiB = **%.0f bytes per "
                                + "session**, RSS +%.1f MiB = %.0f bytes per session.%n", level.sessions(),
                        level.heapUsedBytes() / 1048576.0, level.heapBytesPerSession(), level.rssBytes() / 1048576.0,
                        level.rssBytesPerSession()));
            }
            memory.levels().stream().reduce((first, last) -> last).ifPresent(l -> md.append(String.format(
                    "(e) target ≤ %.0f bytes heap per idle session at %,d: %s.%n",
                    SessionMemory.TARGET_HEAP_BYTES_PER_SESSION, l.sessions(),
                    l.heapBytesPerSession() <= SessionMemory.TARGET_HEAP_BYTES_PER_SESSION ? "met" : String.format(
                            "missed by %.0f bytes (%.0f %%)", l.heapBytesPerSession()
                                    - SessionMemory.TARGET_HEAP_BYTES_PER_SESSION, 100 * (l.heapBytesPerSession()
                                    / SessionMemory.TARGET_HEAP_BYTES_PER_SESSION - 1)))));
            if (!memory.histogramTop().isEmpty()) {
                md.append("\nHeap histogram at the largest count (top classes, GC.class_histogram):\n\n```\n");
                memory.histogramTop().stream().limit(14).forEach(line -> md.append(line).append("\n"));
                md.append("```\n\n");
            }
        }
        best("g1").ifPresent(g1 -> best("a").ifPresent(a -> md.append(String.format("(g1) one node on Redis against "
                        + "(a) the same node in memory, same run: %.1f vs %.1f responses/s at best = **%.1f %%**: what "
                        + "the store itself costs (target ≥ 85 %%: %s); p99 at concurrency %d %.2f ms.%n",
                g1.throughputPerSecond(), a.throughputPerSecond(), 100 * g1.throughputPerSecond()
                        / a.throughputPerSecond(), g1.throughputPerSecond() >= 0.85 * a.throughputPerSecond() ? "met"
                        : "missed", g1.concurrency(), g1.p99Millis()))));
        best("g").ifPresent(g -> best("a").ifPresent(a -> md.append(String.format("(g) two nodes on Redis against (a) "
                        + "one node in memory, same run: %.1f vs %.1f responses/s at best = **%.1f %%** of single-node "
                        + "throughput (target ≥ 85 %%: %s); p99 at concurrency %d %.2f ms.%n", g.throughputPerSecond(),
                a.throughputPerSecond(), 100 * g.throughputPerSecond() / a.throughputPerSecond(),
                g.throughputPerSecond() >= 0.85 * a.throughputPerSecond() ? "met" : "missed", g.concurrency(),
                g.p99Millis()))));
        if (redis != null) {
            md.append(String.format("(g) Redis: **%.2f commands (round trips) per SSO** over %d sequential SSO requests; "
                            + "MEMORY USAGE of an SSO session: mean **%.0f bytes**, max %d bytes over %d sessions "
                            + "(target ≤ 1024: %s).%n", redis.commandsPerSso(), redis.ssoRequests(),
                    redis.meanSessionBytes(), redis.maxSessionBytes(), redis.sessions(),
                    redis.maxSessionBytes() <= 1024 ? "met" : "missed"));
        }
        if (startup != null) {
            md.append(String.format("(f) start-up, JVM start to the first served /idp/metadata, with the CDS archive: "
                            + "median **%.0f ms**, min %.0f ms over %d run(s) (target ≤ %.0f ms: %s); without it "
                            + "(PREHOD_CDS=off) median %.0f ms; the first start, recording the archive, %.0f ms.%n",
                    startup.medianMillis(), startup.minMillis(), startup.runsMillis().size(), TARGET_STARTUP_MILLIS,
                    startup.medianMillis() <= TARGET_STARTUP_MILLIS ? "met" : "missed",
                    startup.withoutCdsMedianMillis(), startup.recordingStartMillis()));
        }
        return md.toString();
    }

    private String ratioLine(String scenario, double ratio, double target) {
        LoadStep.Result b = best(scenario).get();
        return String.format("(%s) per core: %.1f responses/s at concurrency %d / %d cores = %.1f/s per core = "
                        + "**%.1f %% of the raw signing rate** (target ≥ %.0f %%: %s).%n", scenario,
                b.throughputPerSecond(), b.concurrency(), cores(), b.throughputPerSecond() / cores(), ratio * 100,
                target * 100, ratio >= target ? "met" : "missed");
    }
}
