package si.bankart.prehod.response;

import java.security.cert.X509Certificate;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.EncryptionException;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;

/**
 * Encrypts a signed assertion for an SP: AES-256-GCM content (not OpenSAML 4's CBC default, which is open to padding
 * oracles) and RSA-OAEP key transport to the SP's encryption certificate from metadata.
 */
public final class AssertionEncrypter {

    public EncryptedAssertion encrypt(Assertion assertion, X509Certificate spEncryptionCertificate) {
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
        KeyEncryptionParameters key = new KeyEncryptionParameters();
        key.setEncryptionCredential(new BasicX509Credential(spEncryptionCertificate));
        key.setAlgorithm(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        try {
            return encrypter.encrypt(assertion);
        } catch (EncryptionException e) {
            throw new IllegalStateException("assertion encryption failed", e);
        }
    }
}
