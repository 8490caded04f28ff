package si.bankart.prehod.web.login.certificate;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;

import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;

/** Tells the user what happens next (the browser asks which certificate; insert the smart card) before the handshake. */
final class CertificatePromptPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient LoginCompletion completion;
    private final transient Pages pages;
    private final String certificateUrl;
    private final String methodChoiceUrl;

    CertificatePromptPage(LoginCompletion completion, Pages pages, String certificateUrl, String methodChoiceUrl) {
        this.completion = completion;
        this.pages = pages;
        this.certificateUrl = certificateUrl;
        this.methodChoiceUrl = methodChoiceUrl;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        Language language = Language.of(request);
        if (completion.pending(request, response, key, "certificate-prompt", "certificate").isEmpty()) {
            return;
        }
        VelocityContext context = pages.context(language);
        context.put("key", key);
        context.put("continueUrl", certificateUrl + "?key=" + key + "&lang=" + language.code());
        context.put("backUrl", methodChoiceUrl + "?key=" + key);
        pages.render(response, HttpServletResponse.SC_OK, "certificate-prompt.vm", context);
    }
}
