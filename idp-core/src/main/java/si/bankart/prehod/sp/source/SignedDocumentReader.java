package si.bankart.prehod.sp.source;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.common.CacheableSAMLObject;
import org.opensaml.saml.saml2.common.TimeBoundSAMLObject;

import si.bankart.prehod.protocol.signature.SignatureVerdict;
import si.bankart.prehod.protocol.signature.StrictSignatureProfile;
import si.bankart.prehod.sp.MetadataLoader;
import si.bankart.prehod.sp.SpMetadata;

/**
 * Checks a metadata document from the network before any of it is used: parsed with the hardened pool (no DOCTYPE),
 * signed over its root by the source's certificate alone under the {@link StrictSignatureProfile} (exclusive c14n
 * without comments, one Reference to the root's ID, SHA-256 or stronger, KeyInfo ignored), and a validUntil that is
 * present and in the future (a replayed old document would otherwise bring back retired keys).
 */
public final class SignedDocumentReader {

    private final MetadataLoader loader;
    private final StrictSignatureProfile signatures = new StrictSignatureProfile();

    public SignedDocumentReader(MetadataLoader loader) {
        this.loader = loader;
    }

    public SourceContent read(byte[] document, String source, X509Certificate signer, Instant now,
            Consumer<String> dropped) throws MetadataRefused {
        XMLObject root = loader.parse(document, source);
        SignatureVerdict verdict = signatures.verify((SignableSAMLObject) root, List.of(signer));
        if (!verdict.valid()) {
            throw new MetadataRefused(source + ": " + verdict.reason() + " (configured signer "
                    + signer.getSubjectX500Principal().getName() + ")");
        }
        Instant validUntil = ((TimeBoundSAMLObject) root).getValidUntil();
        if (validUntil == null) {
            throw new MetadataRefused(source + ": the document has no validUntil, which remote metadata must have");
        }
        if (!validUntil.isAfter(now)) {
            throw MetadataRefused.expired(source + ": the document expired at " + validUntil);
        }
        List<SpMetadata> entities = loader.entities(root, source, now, dropped);
        return new SourceContent(entities, Optional.of(validUntil),
                Optional.ofNullable(((CacheableSAMLObject) root).getCacheDuration()));
    }
}
