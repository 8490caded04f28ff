package si.bankart.prehod.web.login.certificate;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.web.response.ErrorPage;

/** Tells the user what happens next (the browser asks which certificate; insert the smart card) before the handshake. */
final class CertificatePromptPage extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(CertificatePromptPage.class);

    private static final long serialVersionUID = 1L;

    private final transient LoginCompletion completion;
    private final transient Pages pages;
    private final transient ErrorPage errorPage;
    private final String certificateUrl;
    private final String methodChoiceUrl;
    private final transient RandomIds ids;

    CertificatePromptPage(LoginCompletion completion, Pages pages, ErrorPage errorPage, String certificateUrl,
            String methodChoiceUrl, RandomIds ids) {
        this.completion = completion;
        this.pages = pages;
        this.errorPage = errorPage;
        this.certificateUrl = certificateUrl;
        this.methodChoiceUrl = methodChoiceUrl;
        this.ids = ids;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        Language language = Language.of(request);
        if (completion.pending(key).isEmpty()) {
            String incident = ids.incident();
            log.warn("Certificate prompt refused [incident {}] from {}: pending login unknown, used or expired",
                    incident, request.getRemoteAddr());
            errorPage.loginExpired(response, incident, language, completion.portalHome(key, request));
            return;
        }
        VelocityContext context = pages.context(language);
        context.put("key", key);
        context.put("continueUrl", certificateUrl + "?key=" + key + "&lang=" + language.code());
        context.put("backUrl", methodChoiceUrl + "?key=" + key);
        pages.render(response, HttpServletResponse.SC_OK, "certificate-prompt.vm", context);
    }
}
