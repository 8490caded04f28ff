package si.bankart.prehod.response;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.KeyInfoGenerator;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureSupport;
import org.opensaml.core.xml.io.MarshallingException;

/**
 * Signs assertions, responses and metadata: RSA-SHA256, SHA-256 digest, exclusive c14n, our certificate in KeyInfo.
 * The key is asked for at each signature, so a key rollover takes effect without a restart (and the key may sit in
 * a PKCS#11 token: only its handle is used here).
 */
public final class SamlSigner {

    private final Supplier<BasicX509Credential> credential;
    private final KeyInfoGenerator keyInfo;
    private final Timer signing;

    public SamlSigner(BasicX509Credential credential) {
        this(() -> credential, new CompositeMeterRegistry());
    }

    public SamlSigner(BasicX509Credential credential, MeterRegistry metrics) {
        this(() -> credential, metrics);
    }

    /**
     * @param credential asked at each signature (the key ring's active key)
     * @param metrics    where {@code prehod_signature_duration_seconds} is recorded
     */
    public SamlSigner(Supplier<BasicX509Credential> credential, MeterRegistry metrics) {
        signing = Timer.builder("prehod.signature.duration").description("Time to sign one SAML message")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(metrics);
        X509KeyInfoGeneratorFactory factory = new X509KeyInfoGeneratorFactory();
        factory.setEmitEntityCertificate(true);
        this.credential = credential;
        this.keyInfo = factory.newInstance();
    }

    public void sign(SignableSAMLObject object) {
        long started = System.nanoTime();
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(credential.get());
        parameters.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        parameters.setKeyInfoGenerator(keyInfo);
        try {
            SignatureSupport.signObject(object, parameters);
            signing.record(Duration.ofNanos(System.nanoTime() - started));
        } catch (SecurityException | MarshallingException | SignatureException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }
}
