package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The RS256 keys that sign ID tokens. {@link #rotate()} makes a new key current; the previous ones stay published in
 * the JWKS (up to {@value #PUBLISHED}) so relying parties can still verify tokens signed before the rotation.
 */
public final class SigningKeys {

    static final int PUBLISHED = 3;
    private static final int RSA_BITS = 2048;

    private final SecureRandom random;
    private final List<RSAKey> newestFirst = new ArrayList<>();

    public SigningKeys(SecureRandom random) {
        this.random = random;
        rotate();
    }

    /** Generates a new signing key and returns its key id. */
    public synchronized String rotate() {
        RSAKey key = generate();
        newestFirst.add(0, key);
        while (newestFirst.size() > PUBLISHED) {
            newestFirst.remove(newestFirst.size() - 1);
        }
        return key.getKeyID();
    }

    public synchronized RSAKey current() {
        return newestFirst.get(0);
    }

    /** The public JWK set served at the jwk endpoint. */
    public synchronized JWKSet publicSet() {
        return new JWKSet(List.copyOf(newestFirst)).toPublicJWKSet();
    }

    /** True when the JWT carries the id of a published key and that key verifies its RS256 signature. */
    public synchronized boolean verifies(SignedJWT jwt) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        for (RSAKey key : newestFirst) {
            if (key.getKeyID().equals(jwt.getHeader().getKeyID())) {
                try {
                    return jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()));
                } catch (JOSEException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, random);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
            // The RFC 7638 thumbprint as kid: unique per key and reproducible by anyone holding the public key.
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException("RSA key generation is part of every Java runtime", e);
        }
    }
}
