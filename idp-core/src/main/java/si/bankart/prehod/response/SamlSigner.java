package si.bankart.prehod.response;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureSupport;
import org.opensaml.core.xml.io.MarshallingException;

/** Signs assertions and responses: RSA-SHA256, SHA-256 digest, exclusive c14n, our certificate in KeyInfo. */
public final class SamlSigner {

    private final SignatureSigningParameters parameters;
    private final Timer signing;

    public SamlSigner(BasicX509Credential credential) {
        this(credential, new CompositeMeterRegistry());
    }

    /** @param metrics where {@code prehod_signature_duration_seconds} is recorded */
    public SamlSigner(BasicX509Credential credential, MeterRegistry metrics) {
        signing = Timer.builder("prehod.signature.duration").description("Time to sign one SAML message")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(metrics);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(credential);
        parameters.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        parameters.setKeyInfoGenerator(keyInfo.newInstance());
    }

    public void sign(SignableSAMLObject object) {
        long started = System.nanoTime();
        try {
            SignatureSupport.signObject(object, parameters);
            signing.record(Duration.ofNanos(System.nanoTime() - started));
        } catch (SecurityException | MarshallingException | SignatureException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }
}
