package si.bankart.prehod.web.login.link;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.linking.AwaitingLink;
import si.bankart.prehod.linking.LinkOutcome;
import si.bankart.prehod.linking.LinkRefusal;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.config.Paths;

/**
 * {@code /idp/login/link}: the page a Rekono account that is linked to no bank user lands on. It shows what the bank
 * needs to recognise the account (issuer + sub, and the e-mail Rekono gave), asks for the activation code the bank
 * issued, and offers the bank certificate instead. A correct code completes the login; a wrong, used or expired code
 * shows the page again saying which; too many wrong codes, or a login no longer waiting, end on an error page with a
 * way back to the method choice.
 */
public final class AccountLinkPage extends HttpServlet {

    public static final String PATH = "/idp/login/link";
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(AccountLinkPage.class);

    private final transient AccountLinking linking;
    private final transient LoginCompletion completion;
    private final transient Pages pages;
    private final transient ErrorPage errorPage;
    private final String certificateUrl;
    private final transient RandomIds ids;

    /** @param certificateUrl the certificate login on its connector, or null when there is none */
    public AccountLinkPage(AccountLinking linking, LoginCompletion completion, Pages pages, ErrorPage errorPage,
            String certificateUrl, RandomIds ids) {
        this.linking = linking;
        this.completion = completion;
        this.pages = pages;
        this.errorPage = errorPage;
        this.certificateUrl = certificateUrl;
        this.ids = ids;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<AwaitingLink> waiting = linking.waiting(LinkCookie.read(request).orElse(null));
        if (waiting.isEmpty()) {
            refused(request, response, LinkRefusal.LINK_EXPIRED, null);
            return;
        }
        show(request, response, HttpServletResponse.SC_OK, waiting.get(), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String key = LinkCookie.read(request).orElse(null);
        String pendingLogin = linking.waiting(key).map(AwaitingLink::pendingLoginKey).orElse(null);
        LinkOutcome outcome = linking.redeem(key, request.getParameter("code"), request.getRemoteAddr());
        if (outcome instanceof LinkOutcome.Linked linked) {
            LinkCookie.clear(response);
            completion.complete(request, response, linked.login().pendingLoginKey(), linked.login().toLoginResult());
        } else if (outcome instanceof LinkOutcome.Refused refused) {
            if (refused.waiting().isPresent()) {
                show(request, response, HttpServletResponse.SC_BAD_REQUEST, refused.waiting().get(),
                        refused.reason().page());
            } else {
                LinkCookie.clear(response);
                refused(request, response, refused.reason(), pendingLogin);
            }
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, AwaitingLink waiting,
            String problem) throws IOException {
        Language language = Language.of(request);
        VelocityContext context = pages.context(language);
        context.put("problem", problem);
        context.put("account", waiting.accountLabel());
        context.put("issuer", waiting.issuer());
        context.put("subject", waiting.subject());
        context.put("certificateUrl", certificateUrl == null ? null
                : certificateUrl + "?key=" + waiting.pendingLoginKey() + "&link=1&lang=" + language.code());
        context.put("methodChoice", Paths.LOGIN + "?key=" + waiting.pendingLoginKey() + "&lang=" + language.code());
        pages.render(response, status, "link.vm", context);
    }

    /** An end of linking the user cannot retry here: its own error page, logged with the incident. */
    void refused(HttpServletRequest request, HttpServletResponse response, LinkRefusal reason, String pendingLogin)
            throws IOException {
        String reference = ids.incident();
        Incident incident = Incident.info(log, reference, reason.name(), "Account link refused [incident {}]: {}",
                reference, reason);
        errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, reason.page(), incident, Language.of(request),
                pendingLogin == null ? null : Paths.LOGIN + "?key=" + pendingLogin);
    }
}
