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
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.certificate.CertificateHandBacks;
import si.bankart.prehod.login.certificate.CertificateRejection;
import si.bankart.prehod.login.certificate.CertificateVerdict;
import si.bankart.prehod.login.certificate.ClientCertificateVerifier;
import si.bankart.prehod.login.certificate.ProxyHeaderCertificate;
import si.bankart.prehod.login.certificate.TrustedProxyHeader;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;
import java.time.Clock;

/**
 * {@code GET /idp/login/certificate?key=…} on the certificate connector: takes the chain from the TLS handshake (or,
 * only from a configured proxy, from its header) and lets the core verifier decide. It never resumes the SAML flow:
 * in production this is another host that does not see the main host's login-binding cookie, so an accepted
 * certificate is left in {@link CertificateHandBacks} and the browser goes back to the main host
 * ({@link CertificateHandBackEndpoint}), where the cookie is checked. A refusal shows the page for its reason, with a
 * way back to the method choice.
 */
final class CertificateLoginEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(CertificateLoginEndpoint.class);
    private static final String SERVLET_CERTIFICATES = "javax.servlet.request.X509Certificate";

    private final transient ClientCertificateVerifier verifier;
    private final transient TrustedProxyHeader proxyHeader;
    private final transient LoginCompletion completion;
    private final transient CertificateHandBacks handBacks;
    private final transient ErrorPage errorPage;
    private final String methodChoiceUrl;
    private final String handBackUrl;
    private final transient AuditLog audit;
    private final transient Clock clock;
    private final transient RandomIds ids;

    /** @param handBackUrl the absolute URL of {@link CertificateHandBackEndpoint} on the main host */
    CertificateLoginEndpoint(ClientCertificateVerifier verifier, TrustedProxyHeader proxyHeader, LoginCompletion completion,
            CertificateHandBacks handBacks, ErrorPage errorPage, String methodChoiceUrl, String handBackUrl,
            AuditLog audit, Clock clock, RandomIds ids) {
        this.verifier = verifier;
        this.proxyHeader = proxyHeader;
        this.completion = completion;
        this.handBacks = handBacks;
        this.errorPage = errorPage;
        this.methodChoiceUrl = methodChoiceUrl;
        this.handBackUrl = handBackUrl;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        Optional<PendingLogin> pending = completion.waiting(key);
        if (pending.isEmpty()) {
            String incident = ids.incident();
            log.warn("Certificate login refused [incident {}] from {}: pending login unknown, used or expired",
                    incident, request.getRemoteAddr());
            errorPage.loginExpired(response, incident, Language.of(request), completion.portalHome(key, request));
            return;
        }
        String sp = pending.get().request().spEntityId().value();
        CertificateVerdict verdict = verifier.verify(presented(request));
        if (verdict instanceof CertificateVerdict.Accepted accepted) {
            if (accepted.revocation().softFailed()) {
                log.warn("Certificate login let through by soft-fail: {}", accepted.revocation().detail());
                audit.record(new AuditEvent(clock.instant(), "certificate-soft-fail", sp, accepted.user().id(),
                        "certificate", accepted.loa().id(), "soft-fail", null, request.getRemoteAddr()));
            }
            String handle = handBacks.put(key, new LoginResult.Authenticated(accepted.user().id(), "certificate",
                    accepted.loa(), clock.instant()), "1".equals(request.getParameter("link")));
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(handBackUrl + "?key=" + key + "&result=" + handle + "&lang="
                    + Language.of(request).code());
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
