package si.bankart.prehod.bench;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import si.bankart.prehod.keys.PemCredentialReader;

/**
 * The physical limit of the IdP: raw SHA256withRSA signatures per second on one thread, with the IdP's own signing
 * key (the PEM files of the IdP started for the run), through {@link java.security.Signature} and the default provider,
 * over about the size of a canonicalised SignedInfo.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RsaSignBenchmark {

    /** The IdP's signing certificate; the key file is given by {@link #keyFile}. */
    @Param("")
    public String certificateFile;

    @Param("")
    public String keyFile;

    private Signature signature;
    private byte[] signedInfo;

    @Setup
    public void setUp() throws Exception {
        PrivateKey key = new PemCredentialReader().read(Path.of(certificateFile), Path.of(keyFile)).getPrivateKey();
        signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signedInfo = new byte[600];
        new Random(7).nextBytes(signedInfo);
    }

    @Benchmark
    public byte[] sign() throws Exception {
        signature.update(signedInfo);
        return signature.sign();
    }
}
