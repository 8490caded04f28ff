package si.bankart.prehod.login.certificate;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.storage.RandomIds;

/**
 * The certificate method's decision on the chain a browser presented for a pending login: {@link
 * ClientCertificateVerifier} judges it, and this turns the verdict into the login's answer and its audit events (a
 * login let through by revocation soft-fail; a refusal with its reason and incident). The web layer only extracts
 * the chain, from the TLS handshake or a trusted proxy's header.
 */
public final class CertificateAuthentication {

    /** The method's id in relying-party policies and the audit trail. */
    public static final String METHOD = "certificate";

    private static final Logger log = LoggerFactory.getLogger(CertificateAuthentication.class);

    private final ClientCertificateVerifier verifier;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomIds ids;

    public CertificateAuthentication(ClientCertificateVerifier verifier, AuditLog audit, Clock clock, RandomIds ids) {
        this.verifier = verifier;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param chain  the client's certificate first, then whatever CA certificates came with it; empty when the
     *               browser (or the trusted proxy) presented none
     * @param client the browser's address, for the audit trail
     */
    public CertificateOutcome authenticate(PendingLogin pending, List<X509Certificate> chain, String client) {
        String sp = pending.request().spEntityId().value();
        CertificateVerdict verdict = verifier.verify(chain);
        if (verdict instanceof CertificateVerdict.Accepted accepted) {
            if (accepted.revocation().softFailed()) {
                // Operators must see every login no revocation source vouched for.
                log.warn("Certificate login let through by soft-fail: {}", accepted.revocation().detail());
                audit.record(new AuditEvent(clock.instant(), "certificate-soft-fail", sp, accepted.user().id(), METHOD,
                        accepted.loa().id(), "soft-fail", null, client));
            }
            return new CertificateOutcome.Accepted(new LoginResult.Authenticated(accepted.user().id(), METHOD,
                    accepted.loa(), clock.instant()));
        }
        CertificateVerdict.Rejected rejected = (CertificateVerdict.Rejected) verdict;
        String reference = ids.incident();
        Incident incident = Incident.warn(log, reference, rejected.reason().name(),
                "Certificate login refused [incident {}] {}: {}", reference, rejected.reason(), rejected.detail());
        audit.record(new AuditEvent(clock.instant(), "certificate-login", sp, null, METHOD, null,
                rejected.reason().name(), reference, client));
        return new CertificateOutcome.Refused(rejected.reason(), incident);
    }
}
