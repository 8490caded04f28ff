package si.bankart.prehod.sandbox.portals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.protocol.signature.SignatureVerdict;
import si.bankart.prehod.protocol.signature.StrictSignatureProfile;

/**
 * The IdP's signing certificates as a portal learns them: from the IdP's signed metadata ({@code /idp/metadata}),
 * verified with the metadata-signing certificate alone under the strict profile, with a validUntil in the future
 * and the IdP's entityID. Re-read when the copy is older than {@code maxAge}, and when a signature verifies with
 * none of the known keys — so {@code ./prehod keys next/activate/retire} in the sandbox keeps the portals working.
 * A failed read keeps the keys known so far (logged).
 */
public final class IdpMetadataKeys implements IdpKeys {

    private static final Logger log = LoggerFactory.getLogger(IdpMetadataKeys.class);

    private final URI metadataUrl;
    private final String idpEntityId;
    private final X509Certificate metadataSigner;
    private final HttpClient http;
    private final ParserPool parserPool;
    private final Clock clock;
    private final Duration maxAge;
    private final StrictSignatureProfile signatures = new StrictSignatureProfile();
    private List<X509Certificate> keys = List.of();
    private Instant readAt;

    public IdpMetadataKeys(URI metadataUrl, String idpEntityId, X509Certificate metadataSigner, SSLContext tls,
            ParserPool parserPool, Clock clock, Duration maxAge) {
        this.metadataUrl = metadataUrl;
        this.idpEntityId = idpEntityId;
        this.metadataSigner = metadataSigner;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.parserPool = parserPool;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public synchronized List<X509Certificate> current() {
        if (readAt == null || !readAt.plus(maxAge).isAfter(clock.instant())) {
            read();
        }
        return keys;
    }

    @Override
    public synchronized List<X509Certificate> refreshed() {
        read();
        return keys;
    }

    private void read() {
        Instant now = clock.instant();
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(metadataUrl).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + answer.statusCode());
            }
            keys = signingKeys(answer.body(), now);
            readAt = now;
            log.info("demo portals: the IdP publishes {} signing key(s) in {}", keys.size(), metadataUrl);
        } catch (IOException | IllegalStateException e) {
            log.warn("demo portals: the IdP's metadata at {} is not usable ({}), the keys known so far stay",
                    metadataUrl, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<X509Certificate> signingKeys(byte[] document, Instant now) {
        XMLObject root;
        try {
            root = XMLObjectSupport.unmarshallFromInputStream(parserPool, new ByteArrayInputStream(document));
        } catch (Exception e) {
            throw new IllegalStateException("not XML metadata");
        }
        if (!(root instanceof EntityDescriptor idp) || !idpEntityId.equals(idp.getEntityID())) {
            throw new IllegalStateException("not the EntityDescriptor of " + idpEntityId);
        }
        SignatureVerdict verdict = signatures.verify(idp, List.of(metadataSigner));
        if (!verdict.valid()) {
            throw new IllegalStateException("signature refused: " + verdict.reason());
        }
        if (idp.getValidUntil() == null || !idp.getValidUntil().isAfter(now)) {
            throw new IllegalStateException("no validUntil in the future");
        }
        IDPSSODescriptor sso = idp.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (sso == null) {
            throw new IllegalStateException("no IDPSSODescriptor");
        }
        List<X509Certificate> signing = new ArrayList<>();
        for (KeyDescriptor key : sso.getKeyDescriptors()) {
            if (key.getUse() == UsageType.ENCRYPTION || key.getKeyInfo() == null) {
                continue;
            }
            try {
                signing.addAll(KeyInfoSupport.getCertificates(key.getKeyInfo()));
            } catch (CertificateException e) {
                throw new IllegalStateException("a KeyDescriptor's certificate cannot be read");
            }
        }
        if (signing.isEmpty()) {
            throw new IllegalStateException("no signing key");
        }
        return List.copyOf(signing);
    }
}
