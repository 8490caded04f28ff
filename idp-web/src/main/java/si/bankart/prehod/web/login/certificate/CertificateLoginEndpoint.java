package si.bankart.prehod.web.login.certificate;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.linking.LinkOutcome;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.certificate.CertificateRejection;
import si.bankart.prehod.login.certificate.CertificateVerdict;
import si.bankart.prehod.login.certificate.ClientCertificateVerifier;
import si.bankart.prehod.login.certificate.ProxyHeaderCertificate;
import si.bankart.prehod.login.certificate.TrustedProxyHeader;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.link.LinkCookie;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;
import java.time.Clock;

/**
 * {@code GET /idp/login/certificate?key=…} on the certificate connector: takes the chain from the TLS handshake (or,
 * only from a configured proxy, from its header), lets the core verifier decide, and completes the pending login or
 * shows the page for the reason, with a way back to the method choice.
 */
final class CertificateLoginEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(CertificateLoginEndpoint.class);
    private static final String SERVLET_CERTIFICATES = "javax.servlet.request.X509Certificate";

    private final transient ClientCertificateVerifier verifier;
    private final transient TrustedProxyHeader proxyHeader;
    private final transient LoginCompletion completion;
    private final transient ErrorPage errorPage;
    private final String methodChoiceUrl;
    private final transient AuditLog audit;
    private final transient Clock clock;
    private final transient RandomIds ids;
    private final transient AccountLinking linking;

    CertificateLoginEndpoint(ClientCertificateVerifier verifier, TrustedProxyHeader proxyHeader, LoginCompletion completion,
            ErrorPage errorPage, String methodChoiceUrl, AuditLog audit, Clock clock, RandomIds ids,
            AccountLinking linking) {
        this.verifier = verifier;
        this.proxyHeader = proxyHeader;
        this.completion = completion;
        this.errorPage = errorPage;
        this.methodChoiceUrl = methodChoiceUrl;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.linking = linking;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        Optional<PendingLogin> pending = completion.pending(key);
        if (pending.isEmpty()) {
            String incident = ids.incident();
            log.warn("Certificate login refused [incident {}] from {}: pending login unknown, used or expired",
                    incident, request.getRemoteAddr());
            errorPage.loginExpired(response, incident, Language.of(request), completion.portalHome(key, request));
            return;
        }
        String sp = pending.get().request().spEntityId();
        CertificateVerdict verdict = verifier.verify(presented(request));
        if (verdict instanceof CertificateVerdict.Accepted accepted) {
            if (accepted.revocation().softFailed()) {
                log.warn("Certificate login let through by soft-fail: {}", accepted.revocation().detail());
                audit.record(new AuditEvent(clock.instant(), "certificate-soft-fail", sp, accepted.user().id(),
                        "certificate", accepted.loa().id(), "soft-fail", null, request.getRemoteAddr()));
            }
            if (linking != null && "1".equals(request.getParameter("link")) && LinkCookie.read(request).isPresent()) {
                link(request, response, key, accepted.user().id());
                return;
            }
            completion.complete(request, response, key, new LoginResult.Authenticated(accepted.user().id(), "certificate",
                    accepted.loa(), clock.instant()));
        } else if (verdict instanceof CertificateVerdict.Rejected rejected) {
            String incident = ids.incident();
            log.warn("Certificate login refused [incident {}] {}: {}", incident, rejected.reason(), rejected.detail());
            audit.record(new AuditEvent(clock.instant(), "certificate-login", sp, null, "certificate", null,
                    rejected.reason().name(), incident, request.getRemoteAddr()));
            // Without a certificate the same step may work once the card is in: offer it again beside another method.
            String again = rejected.reason() == CertificateRejection.NO_CERTIFICATE
                    ? methodChoiceUrl + "/certificate?key=" + key : null;
            errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, page(rejected.reason()), incident,
                    Language.of(request), methodChoiceUrl + "?key=" + key, again);
        }
    }

    /**
     * The certificate proved the bank user; the Rekono account waiting in this browser is linked to them and its
     * login completes (as a Rekono login: that is what the portal asked to be logged in with).
     */
    private void link(HttpServletRequest request, HttpServletResponse response, String key, String userId)
            throws IOException {
        LinkOutcome outcome = linking.byCertificate(LinkCookie.read(request).get(), userId, request.getRemoteAddr());
        LinkCookie.clear(response);
        if (outcome instanceof LinkOutcome.Linked linked) {
            completion.complete(request, response, linked.login().pendingLoginKey(), linked.login().toLoginResult());
        } else if (outcome instanceof LinkOutcome.Refused refused) {
            String incident = ids.incident();
            log.info("Account link by certificate refused [incident {}]: {}", incident, refused.reason());
            errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, refused.reason().page(), incident,
                    Language.of(request), methodChoiceUrl + "?key=" + key);
        }
    }

    /** From the handshake; a proxy's header counts only when it came from a configured proxy address. */
    private List<X509Certificate> presented(HttpServletRequest request) {
        if (proxyHeader.enabled()) {
            ProxyHeaderCertificate forwarded = proxyHeader.read(request.getRemoteAddr(), request.getHeader(proxyHeader.headerName()));
            if (forwarded instanceof ProxyHeaderCertificate.Presented presented) {
                return List.of(presented.certificate());
            }
            if (forwarded instanceof ProxyHeaderCertificate.NonePresented) {
                // From the proxy: its own TLS client certificate, if any, is not the user's.
                return List.of();
            }
            if (forwarded instanceof ProxyHeaderCertificate.Ignored ignored
                    && request.getHeader(proxyHeader.headerName()) != null) {
                log.info("Client-certificate header ignored: {}", ignored.reason());
            } else if (forwarded instanceof ProxyHeaderCertificate.Malformed malformed) {
                log.warn("Client-certificate header refused: {}", malformed.reason());
                return List.of();
            }
        }
        Object chain = request.getAttribute(SERVLET_CERTIFICATES);
        return chain instanceof X509Certificate[] certificates ? Arrays.asList(certificates) : List.of();
    }

    static String page(CertificateRejection reason) {
        return "certificate-" + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
