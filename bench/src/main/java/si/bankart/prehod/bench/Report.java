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

    static final double TARGET_RATIO = 0.70;
    static final double TARGET_P99_MILLIS_AT_8 = 25;
    static final double TARGET_STARTUP_MILLIS = 3000;

    final Instant started;
    final BenchOptions options;
    final Map<String, Object> environment;
    final List<LoadStep.Result> steps = new ArrayList<>();
    SigningLimit.Result limit;
    StartupTime.Result startup;
    Instant finished;

    Report(Instant started, BenchOptions options, Map<String, Object> environment) {
        this.started = started;
        this.options = options;
        this.environment = environment;
    }

    int cores() {
        return (Integer) environment.get("availableProcessors");
    }

    Optional<LoadStep.Result> best(String scenario) {
        return steps.stream().filter(s -> s.scenario().equals(scenario))
                .max(Comparator.comparingDouble(LoadStep.Result::throughputPerSecond));
    }

    Optional<LoadStep.Result> step(String scenario, int concurrency) {
        return steps.stream().filter(s -> s.scenario().equals(scenario) && s.concurrency() == concurrency).findFirst();
    }

    /** Scenario (a) per core at its best concurrency, over the raw signing rate of one thread. */
    Optional<Double> ratio() {
        if (limit == null) {
            return Optional.empty();
        }
        return best("a").map(b -> b.throughputPerSecond() / cores() / limit.signaturesPerSecond());
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
        settings.put("sampleEvery", options.sampleEvery());
        settings.put("quick", options.quick());
        settings.put("transport", "HTTPS over loopback, HTTP/1.1 keep-alive, java.net.http.HttpClient per worker, "
                + "driver and IdP in one JVM");
        root.put("settings", settings);
        root.put("steps", steps);
        root.put("signingLimit", limit);
        Map<String, Object> targets = new LinkedHashMap<>();
        ratio().ifPresent(r -> {
            targets.put("aPerCoreOverRawSigningRate", r);
            targets.put("aPerCoreOverRawSigningRateTarget", TARGET_RATIO);
            targets.put("aBestConcurrency", best("a").get().concurrency());
        });
        step("a", 8).ifPresent(s -> {
            targets.put("aP99MillisAtConcurrency8", s.p99Millis());
            targets.put("aP99MillisAtConcurrency8Target", TARGET_P99_MILLIS_AT_8);
        });
        if (startup != null) {
            targets.put("startupMedianMillis", startup.medianMillis());
            targets.put("startupMillisTarget", TARGET_STARTUP_MILLIS);
        }
        root.put("targets", targets);
        root.put("startup", startup);
        root.put("problems", problems());
        root.put("notBuiltYet", List.of("(c) certificate login", "(d) Rekono login", "(e) memory at 10k/100k sessions",
                "Keycloak side by side", "PNG chart"));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(root);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Varni Prehod benchmark, ").append(started).append("\n\n");
        md.append(String.format("Machine: %s cores (%s), %s, Java %s; load average at start %.2f.%n",
                environment.get("availableProcessors"), environment.get("cpu"), environment.get("os"),
                environment.get("javaVersion"), (Double) environment.get("loadAverageAtStart")));
        md.append(String.format("Steps: %.1f s warm-up + %.1f s measured; driver and IdP share the JVM and the cores "
                + "(HTTPS over loopback, HTTP/1.1 keep-alive).%s%n%n", options.warmupSeconds(), options.seconds(),
                options.quick() ? " **Smoke run (--quick): figures are not meaningful.**" : ""));
        if (!steps.isEmpty()) {
            md.append("| scenario | concurrency | responses/s | p50 ms | p90 ms | p99 ms | max ms | counted | failed |"
                    + " errors | verified sample |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (LoadStep.Result s : steps) {
                md.append(String.format("| (%s) | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %d | %d | %d | %d/%d%s |%n",
                        s.scenario(), s.concurrency(), s.throughputPerSecond(), s.p50Millis(), s.p90Millis(),
                        s.p99Millis(), s.maxMillis(), s.ok(), s.failed(), s.errors(), s.samplesVerified(),
                        s.samplesVerified() + s.samplesFailed(),
                        s.requestsMadeDuringRun() > 0 ? " (pool dry: " + s.requestsMadeDuringRun() + ")" : ""));
            }
            md.append("\n(a) ").append(Scenario.A_REDIRECT.title()).append("; (b) ").append(Scenario.B_POST_SIGNED.title())
                    .append(".\n\n");
        }
        if (limit != null) {
            md.append(String.format("Signing limit (JMH, 1 thread, %s-%d, SHA256withRSA, provider %s): **%.0f "
                            + "signatures/s** (%s%d×%.0f s measured).%n", limit.keyAlgorithm(), limit.keyBits(),
                    limit.provider(), limit.signaturesPerSecond(),
                    limit.error() == null ? "" : String.format("± %.0f, ", limit.error()), limit.measurementIterations(),
                    limit.iterationSeconds()));
        }
        ratio().ifPresent(r -> {
            LoadStep.Result b = best("a").get();
            md.append(String.format("(a) per core: %.1f responses/s at concurrency %d / %d cores = %.1f/s per core = "
                            + "**%.1f %% of the raw signing rate** (target ≥ %.0f %%: %s).%n",
                    b.throughputPerSecond(), b.concurrency(), cores(), b.throughputPerSecond() / cores(), r * 100,
                    TARGET_RATIO * 100, r >= TARGET_RATIO ? "met" : "missed"));
        });
        step("a", 8).ifPresent(s -> md.append(String.format("(a) p99 at concurrency 8: %.2f ms (target ≤ %.0f ms: %s).%n",
                s.p99Millis(), TARGET_P99_MILLIS_AT_8, s.p99Millis() <= TARGET_P99_MILLIS_AT_8 ? "met" : "missed")));
        if (startup != null) {
            md.append(String.format("(f) start-up, JVM start to the first served /idp/metadata: median **%.0f ms**, min "
                            + "%.0f ms over %d run(s) (target ≤ %.0f ms: %s).%n", startup.medianMillis(),
                    startup.minMillis(), startup.runsMillis().size(), TARGET_STARTUP_MILLIS,
                    startup.medianMillis() <= TARGET_STARTUP_MILLIS ? "met" : "missed"));
        }
        md.append("\nNot measured yet: (c) certificate login, (d) Rekono login, (e) memory with 10k/100k sessions, "
                + "Keycloak side by side, PNG chart.\n");
        return md.toString();
    }
}
