package si.bankart.prehod.sandbox.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/**
 * Key pairs the sandbox can generate. RSA-1024 exists only so that certificate-login tests can present a key
 * that is too weak; nothing the sandbox itself issues uses it.
 */
public enum KeyType {
    RSA_1024("RSA", new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4)),
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)),
    RSA_3072("RSA", new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4)),
    EC_P256("EC", new ECGenParameterSpec("secp256r1"));

    private final String algorithm;
    private final AlgorithmParameterSpec parameters;

    KeyType(String algorithm, AlgorithmParameterSpec parameters) {
        this.algorithm = algorithm;
        this.parameters = parameters;
    }

    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(parameters);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot generate " + this + " keys", e);
        }
    }
}
