package si.bankart.prehod.web.login.certificate;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.login.certificate.CertificateHandBacks;
import si.bankart.prehod.login.certificate.CertificateMethod;
import si.bankart.prehod.login.certificate.CertificateOutcome;
import si.bankart.prehod.login.certificate.PresentedChain;
import si.bankart.prehod.login.certificate.ProxyHeaderCertificate;
import si.bankart.prehod.login.certificate.TrustedProxyHeader;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.response.ErrorPage;

/**
 * {@code GET /idp/login/certificate?key=…} on the certificate connector: takes the chain from the TLS handshake (or,
 * only from a configured proxy, from its header) and lets the core decide ({@link CertificateMethod#decide}). It
 * never resumes the SAML flow: in production this is another host that does not see the main host's login-binding
 * cookie, so an accepted certificate is left in {@link CertificateHandBacks} and the browser goes back to the main
 * host ({@link CertificateHandBackEndpoint}), where the cookie is checked. A refusal shows the page for its reason,
 * with a way back to the method choice.
 */
final class CertificateLoginEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(CertificateLoginEndpoint.class);
    private static final String SERVLET_CERTIFICATES = "javax.servlet.request.X509Certificate";

    private final transient CertificateMethod method;
    private final transient LoginCompletion completion;
    private final transient CertificateHandBacks handBacks;
    private final transient ErrorPage errorPage;
    private final String methodChoiceUrl;
    private final String handBackUrl;
    private final transient RandomIds ids;

    /** @param handBackUrl the absolute URL of {@link CertificateHandBackEndpoint} on the main host */
    CertificateLoginEndpoint(CertificateMethod method, LoginCompletion completion, CertificateHandBacks handBacks,
            ErrorPage errorPage, String methodChoiceUrl, String handBackUrl, RandomIds ids) {
        this.method = method;
        this.completion = completion;
        this.handBacks = handBacks;
        this.errorPage = errorPage;
        this.methodChoiceUrl = methodChoiceUrl;
        this.handBackUrl = handBackUrl;
        this.ids = ids;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        Optional<PendingLogin> pending = completion.waiting(key);
        if (pending.isEmpty()) {
            String reference = ids.incident();
            Incident incident = Incident.warn(log, reference, "pending login unknown, used or expired",
                    "Certificate login refused [incident {}] from {}: pending login unknown, used or expired",
                    reference, request.getRemoteAddr());
            errorPage.loginExpired(response, incident, Language.of(request), completion.portalHome(key, request));
            return;
        }
        CertificateOutcome outcome = method.decide(new PresentedChain(pending.get(), presented(request)),
                request.getRemoteAddr());
        if (outcome instanceof CertificateOutcome.Accepted accepted) {
            String handle = handBacks.put(key, accepted.login(), "1".equals(request.getParameter("link")));
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(handBackUrl + "?key=" + key + "&result=" + handle + "&lang="
                    + Language.of(request).code());
        } else if (outcome instanceof CertificateOutcome.Refused refused) {
            String again = refused.reason().offersMethodAgain() ? methodChoiceUrl + "/certificate?key=" + key : null;
            errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, refused.reason().page(), refused.incident(),
                    Language.of(request), methodChoiceUrl + "?key=" + key, again);
        }
    }

    /** From the handshake; a proxy's header counts only when it came from a configured proxy address. */
    private List<X509Certificate> presented(HttpServletRequest request) {
        TrustedProxyHeader proxyHeader = method.proxyHeader();
        if (proxyHeader.enabled()) {
            ProxyHeaderCertificate forwarded = proxyHeader.read(request.getRemoteAddr(),
                    request.getHeader(proxyHeader.headerName()));
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
}
