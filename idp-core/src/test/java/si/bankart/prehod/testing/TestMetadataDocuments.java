package si.bankart.prehod.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

import si.bankart.prehod.xml.SamlObjects;
import si.bankart.prehod.xml.XmlSerializer;

/**
 * Signed SAML metadata documents as a federation operator or MDQ responder publishes them: an EntitiesDescriptor (or
 * one EntityDescriptor) of test SPs, with validUntil and cacheDuration, signed by the given key — "start valid,
 * change one thing" for the refusal tests (another c14n, another signer, an old validUntil).
 */
public record TestMetadataDocuments(List<TestServiceProvider> sps, BasicX509Credential signer, Instant validUntil,
        Duration cacheDuration, String canonicalization, boolean aggregate) {

    public static TestMetadataDocuments aggregate(BasicX509Credential signer, TestServiceProvider... sps) {
        return new TestMetadataDocuments(List.of(sps), signer, Instant.now().plus(Duration.ofDays(7)),
                Duration.ofHours(1), SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, true);
    }

    /** One SP's EntityDescriptor as its root, as an MDQ responder answers. */
    public static TestMetadataDocuments entity(BasicX509Credential signer, TestServiceProvider sp) {
        return new TestMetadataDocuments(List.of(sp), signer, Instant.now().plus(Duration.ofDays(7)),
                Duration.ofHours(1), SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, false);
    }

    public TestMetadataDocuments signedBy(BasicX509Credential other) {
        return new TestMetadataDocuments(sps, other, validUntil, cacheDuration, canonicalization, aggregate);
    }

    public TestMetadataDocuments validUntil(Instant until) {
        return new TestMetadataDocuments(sps, signer, until, cacheDuration, canonicalization, aggregate);
    }

    public TestMetadataDocuments canonicalizedWith(String algorithm) {
        return new TestMetadataDocuments(sps, signer, validUntil, cacheDuration, algorithm, aggregate);
    }

    public byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }

    public String xml() {
        EntityDescriptor first = TestXml.parse(sps.get(0).metadataXml());
        org.opensaml.saml.common.SignableSAMLObject root;
        if (aggregate) {
            EntitiesDescriptor group = SamlObjects.build(EntitiesDescriptor.DEFAULT_ELEMENT_NAME);
            group.setID("_aggregate");
            group.setName("test-federation");
            group.setValidUntil(validUntil);
            group.setCacheDuration(cacheDuration);
            for (TestServiceProvider sp : sps) {
                EntityDescriptor entity = TestXml.parse(sp.metadataXml());
                entity.releaseDOM();
                group.getEntityDescriptors().add(entity);
            }
            root = group;
        } else {
            first.setID("_entity");
            first.setValidUntil(validUntil);
            first.setCacheDuration(cacheDuration);
            first.releaseDOM();
            root = first;
        }
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(signer);
        parameters.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(canonicalization);
        try {
            SignatureSupport.signObject(root, parameters);
        } catch (SecurityException | MarshallingException | SignatureException e) {
            throw new IllegalStateException("test metadata cannot be signed", e);
        }
        return new String(XmlSerializer.utf8(root.getDOM()), StandardCharsets.UTF_8);
    }
}
