package si.bankart.prehod.bench;

import java.nio.file.Path;
import java.security.Signature;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link RsaSignBenchmark} with JMH (one fork, one thread) and returns signatures per second; {@code error} is
 * JMH's 99.9 % confidence half-width, null when there are too few iterations to give one. JMH's own log: jmh.log.
 */
final class SigningLimit {

    private SigningLimit() {
    }

    record Result(double signaturesPerSecond, Double error, String provider, String keyAlgorithm, int keyBits,
            int warmupIterations, int measurementIterations, double iterationSeconds) {
    }

    static Result measure(BenchIdp idp, int warmupIterations, int iterations, double iterationSeconds, Path log)
            throws Exception {
        return measure(idp.signingCertificateFile(), idp.signingKeyFile(), warmupIterations, iterations,
                iterationSeconds, log);
    }

    /**
     * The per-core mode: the same measurement in a JVM of its own pinned with {@code taskset -a -c cpus} (JMH's fork
     * inherits the CPU set), so the rate is that of the core the IdP runs on.
     */
    static Result measurePinned(String cpus, Path certificate, Path key, int warmupIterations, int iterations,
            double iterationSeconds, Path log) throws Exception {
        Path json = log.resolveSibling("signing-limit.json");
        java.util.List<String> command = java.util.List.of("taskset", "-a", "-c", cpus,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SigningLimit.class.getName(), certificate.toString(),
                key.toString(), Integer.toString(warmupIterations), Integer.toString(iterations),
                Double.toString(iterationSeconds), log.toString(), json.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.resolveSibling("signing-limit.out").toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the pinned signing measurement failed; see " + log);
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.toFile(), Result.class);
    }

    /** {@code certificate key warmupIterations iterations iterationSeconds jmhLog resultJson}: for measurePinned. */
    public static void main(String[] args) throws Exception {
        Result result = measure(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Double.parseDouble(args[4]), Path.of(args[5]));
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(Path.of(args[6]).toFile(), result);
    }

    private static Result measure(Path certificate, Path key, int warmupIterations, int iterations,
            double iterationSeconds, Path log) throws Exception {
        TimeValue time = TimeValue.milliseconds((long) (iterationSeconds * 1000));
        Options options = new OptionsBuilder()
                .include(RsaSignBenchmark.class.getName() + ".sign")
                .param("certificateFile", certificate.toAbsolutePath().toString())
                .param("keyFile", key.toAbsolutePath().toString())
                .forks(1).threads(1)
                .warmupIterations(warmupIterations).warmupTime(time)
                .measurementIterations(iterations).measurementTime(time)
                .output(log.toString()).verbosity(VerboseMode.NORMAL)
                .build();
        RunResult run = new Runner(options).runSingle();
        java.security.interfaces.RSAPrivateKey rsa = (java.security.interfaces.RSAPrivateKey)
                new si.bankart.prehod.keys.PemCredentialReader().read(certificate, key).getPrivateKey();
        Signature probe = Signature.getInstance("SHA256withRSA");
        probe.initSign(rsa);
        double error = run.getPrimaryResult().getScoreError();
        return new Result(run.getPrimaryResult().getScore(), Double.isNaN(error) ? null : error,
                probe.getProvider().getName(), rsa.getAlgorithm(), rsa.getModulus().bitLength(), warmupIterations,
                iterations, iterationSeconds);
    }
}
