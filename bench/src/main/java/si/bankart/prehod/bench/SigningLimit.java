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
        TimeValue time = TimeValue.milliseconds((long) (iterationSeconds * 1000));
        Options options = new OptionsBuilder()
                .include(RsaSignBenchmark.class.getName() + ".sign")
                .param("certificateFile", idp.signingCertificateFile().toAbsolutePath().toString())
                .param("keyFile", idp.signingKeyFile().toAbsolutePath().toString())
                .forks(1).threads(1)
                .warmupIterations(warmupIterations).warmupTime(time)
                .measurementIterations(iterations).measurementTime(time)
                .output(log.toString()).verbosity(VerboseMode.NORMAL)
                .build();
        RunResult run = new Runner(options).runSingle();
        java.security.interfaces.RSAPrivateKey key =
                (java.security.interfaces.RSAPrivateKey) idp.signingCredential().getPrivateKey();
        Signature probe = Signature.getInstance("SHA256withRSA");
        probe.initSign(key);
        double error = run.getPrimaryResult().getScoreError();
        return new Result(run.getPrimaryResult().getScore(), Double.isNaN(error) ? null : error,
                probe.getProvider().getName(), key.getAlgorithm(), key.getModulus().bitLength(), warmupIterations,
                iterations, iterationSeconds);
    }
}
