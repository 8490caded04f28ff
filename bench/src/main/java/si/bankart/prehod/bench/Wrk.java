package si.bankart.prehod.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;

/**
 * The per-core mode's load generator for session SSO: Debian's wrk (one thread, HTTPS keep-alive, pinned with taskset)
 * with {@code wrk/sso.lua}, which makes a fresh AuthnRequest for every request from a template and sends one logged-in
 * browser's cookies with it. One instance is one target (an SSO endpoint, a portal, the browsers' cookies).
 */
final class Wrk {

    private static final Pattern ISSUE_INSTANT = Pattern.compile("IssueInstant=\"[^\"]+\"");
    private static final Pattern IN_RESPONSE_TO = Pattern.compile(" InResponseTo=\"([^\"]+)\"");

    /** One wrk run: counted responses, the others, socket errors, wrk's latency percentiles, the sampled responses. */
    record Run(long ok, long withoutResponse, long not200, long socketErrors, double seconds, double p50Millis,
            double p90Millis, double p99Millis, double maxMillis, double meanMillis, List<String> samples) {
    }

    private final Path script;
    private final Path template;
    private final Path cookies;
    private final URI base;
    private final String path;
    private final String cpus;
    private final Path workDir;
    private final String name;
    private int runs;

    /**
     * {@code sso}: the SSO endpoint (https://host:port/path, also the AuthnRequest's Destination); {@code cookieHeaders}:
     * one Cookie header value per logged-in browser; {@code cpus}: taskset's list for the driver.
     */
    Wrk(String name, TestServiceProvider sp, URI sso, List<String> cookieHeaders, String cpus, Path workDir)
            throws IOException {
        this.name = name;
        this.base = URI.create(sso.getScheme() + "://" + sso.getHost() + ":" + sso.getPort());
        this.path = sso.getRawPath();
        this.cpus = cpus;
        this.workDir = Files.createDirectories(workDir.resolve("wrk"));
        this.script = this.workDir.resolve("sso.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/sso.lua")) {
            Files.write(script, in.readAllBytes());
        }
        String xml = TestAuthnRequests.valid(sp, sso.toString()).id("__ID__").xml();
        Matcher instant = ISSUE_INSTANT.matcher(xml);
        if (!instant.find()) {
            throw new IllegalStateException("no IssueInstant in " + xml);
        }
        this.template = this.workDir.resolve(name + "-authnrequest.xml");
        Files.writeString(template, instant.replaceFirst("IssueInstant=\"__INSTANT__\""));
        this.cookies = this.workDir.resolve(name + "-cookies.txt");
        Files.writeString(cookies, String.join("\n", cookieHeaders) + "\n");
    }

    /**
     * Runs wrk for {@code seconds} (whole seconds, at least 1) with {@code connections} keep-alive connections;
     * {@code sampleEvery} 0 takes no samples.
     */
    Run run(int connections, double seconds, int sampleEvery) throws Exception {
        return await(start(connections, seconds, sampleEvery));
    }

    /** A started wrk process and where it writes; {@link #await} collects it. */
    record Started(Process process, Path out, Path samples, Path log, String idPrefix) {
    }

    Started start(int connections, double seconds, int sampleEvery) throws IOException {
        int run = ++runs;
        String label = name + "-c" + connections + "-" + run;
        Path out = workDir.resolve(label + ".json");
        Path samples = workDir.resolve(label + "-samples");
        Path log = workDir.resolve(label + ".log");
        Files.deleteIfExists(out);
        // Unique across runs and nodes: the replay cache must never see an ID twice.
        String idPrefix = "_w" + Long.toString(System.nanoTime(), 36) + name.replaceAll("[^A-Za-z0-9]", "") + run + "t";
        List<String> command = new ArrayList<>(List.of("taskset", "-c", cpus, "wrk", "-t1", "-c",
                Integer.toString(connections), "-d", Math.max(1, Math.round(seconds)) + "s", "--timeout", "10s",
                "-s", script.toString(), base.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("BENCH_TEMPLATE", template.toString(), "BENCH_COOKIES", cookies.toString(),
                "BENCH_PATH", path, "BENCH_RELAY", Scenario.RELAY_STATE, "BENCH_ID_PREFIX", idPrefix,
                "BENCH_SAMPLE_EVERY", Integer.toString(sampleEvery), "BENCH_SAMPLES", samples.toString(),
                "BENCH_OUT", out.toString()));
        return new Started(builder.start(), out, samples, log, idPrefix);
    }

    Run await(Started started) throws Exception {
        if (!started.process().waitFor(10, TimeUnit.MINUTES)) {
            started.process().destroyForcibly();
            throw new IllegalStateException("wrk did not end; see " + started.log());
        }
        if (started.process().exitValue() != 0 || !Files.exists(started.out())) {
            throw new IllegalStateException("wrk failed (exit " + started.process().exitValue() + "): "
                    + Files.readString(started.log()));
        }
        JsonNode json = new ObjectMapper().readTree(started.out().toFile());
        List<String> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(
                    started.samples().getFileName().toString() + ".")).sorted().toList()) {
                Files.readAllLines(file).stream().filter(l -> !l.isBlank()).forEach(samples::add);
            }
        }
        long socketErrors = json.get("connectErrors").asLong() + json.get("readErrors").asLong()
                + json.get("writeErrors").asLong() + json.get("timeouts").asLong();
        return new Run(json.get("ok").asLong(), json.get("withoutResponse").asLong(), json.get("not200").asLong(),
                socketErrors, json.get("durationMicros").asDouble() / 1e6, json.get("p50Micros").asDouble() / 1000,
                json.get("p90Micros").asDouble() / 1000, json.get("p99Micros").asDouble() / 1000,
                json.get("maxMicros").asDouble() / 1000, json.get("meanMicros").asDouble() / 1000, samples);
    }

    /**
     * Verifies sampled SAMLResponses in full (SamlResponseCheck.verify with {@code signer}); each must answer a request
     * of this run ({@code idPrefix}). Returns {verified, failed} and adds the failures' reasons to {@code reasons}.
     */
    static int[] verifySamples(List<String> samples, String idPrefix, org.opensaml.security.credential.Credential signer,
            Map<String, Long> reasons) {
        int verified = 0;
        int failed = 0;
        for (String sample : samples) {
            try {
                String xml = new String(java.util.Base64.getDecoder().decode(sample), StandardCharsets.UTF_8);
                Matcher id = IN_RESPONSE_TO.matcher(xml);
                if (!id.find() || !id.group(1).startsWith(idPrefix)) {
                    throw new IllegalStateException("InResponseTo of another run");
                }
                SamlResponseCheck.verify(sample, id.group(1), signer);
                verified++;
            } catch (RuntimeException e) {
                failed++;
                reasons.merge("sample: " + e.getMessage(), 1L, Long::sum);
            }
        }
        return new int[] {verified, failed};
    }

    /** This run's label for the results. */
    String name() {
        return name;
    }
}
