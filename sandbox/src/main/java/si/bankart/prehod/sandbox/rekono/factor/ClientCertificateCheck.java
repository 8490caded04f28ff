package si.bankart.prehod.sandbox.rekono.factor;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import si.bankart.prehod.sandbox.rekono.account.Account;

/**
 * Judges the TLS client certificate presented on the certificate port: the chain must validate with the JDK's PKIX
 * validator to one of the configured trust anchors at the stand-in's clock time (which also refuses expired and
 * not-yet-valid certificates), and the end-entity certificate must be the one linked to the account.
 *
 * <p>Revocation is not checked: the sandbox CA publishes no CRL or OCSP responder.
 */
public final class ClientCertificateCheck {

    /** Why a certificate was refused, or that it was accepted; names the page shown. */
    public enum Outcome { ACCEPTED, NONE_PRESENTED, NOT_TRUSTED, NOT_LINKED }

    private final Set<TrustAnchor> anchors;
    private final Clock clock;

    public ClientCertificateCheck(Set<X509Certificate> trustAnchors, Clock clock) {
        this.anchors = trustAnchors.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    public Outcome check(List<X509Certificate> chain, Account account) {
        if (chain == null || chain.isEmpty()) {
            return Outcome.NONE_PRESENTED;
        }
        if (!validates(chain)) {
            return Outcome.NOT_TRUSTED;
        }
        boolean linked = account.certificate().map(link -> link.matches(chain.get(0))).orElse(false);
        return linked ? Outcome.ACCEPTED : Outcome.NOT_LINKED;
    }

    private boolean validates(List<X509Certificate> chain) {
        if (anchors.isEmpty()) {
            return false;
        }
        try {
            // The path excludes the anchor itself (RFC 5280 §6.1), which a client may or may not send.
            List<X509Certificate> path = chain.stream()
                    .filter(c -> anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c))).toList();
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
