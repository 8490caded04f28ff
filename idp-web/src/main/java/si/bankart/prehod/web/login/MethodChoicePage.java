package si.bankart.prehod.web.login;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;

import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.web.response.ErrorPage;

/**
 * {@code /idp/login}: which portal the user is going to and the login methods that portal allows and that can reach
 * the level it needs. With one such method the page skips itself; with none the portal is told AuthnFailed. POST
 * {@code /idp/login/cancel} lets the user give up, which the portal also hears as AuthnFailed, so there is no dead end.
 */
public final class MethodChoicePage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient List<LoginMethodEndpoint> methods;
    private final transient ServiceProviders registry;
    private final transient LoginCompletion completion;
    private final transient Pages pages;
    private final transient ErrorPage errorPage;
    private final transient RandomIds ids;

    public MethodChoicePage(List<LoginMethodEndpoint> methods, ServiceProviders registry,
            LoginCompletion completion, Pages pages, ErrorPage errorPage, RandomIds ids) {
        this.methods = List.copyOf(methods);
        this.registry = registry;
        this.completion = completion;
        this.pages = pages;
        this.errorPage = errorPage;
        this.ids = ids;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        Optional<PendingLogin> pending = completion.pending(key);
        if (pending.isEmpty()) {
            errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, "login-expired", ids.incident(),
                    Language.of(request));
            return;
        }
        SsoRequest sso = pending.get().request();
        // The SP as the login started with it: a metadata reload meanwhile must not break the login half-way.
        RegisteredSp sp = registry.asStarted(sso.spEntityId(), sso.acsLocation()).orElseThrow();
        List<LoginMethodEndpoint> usable = methods.stream()
                .filter(m -> sp.policy().allowsMethod(m.method().id()))
                .filter(m -> sso.acceptableLoa().stream().anyMatch(level -> m.method().strongest().isAtLeast(level)))
                .toList();
        if (usable.isEmpty()) {
            completion.complete(request, response, key,
                    new LoginResult.Failed("none", "no login method allowed for this SP can reach the required level"));
            return;
        }
        // A method sends the user back here with notice=<method id>-cancelled; any other value is not shown.
        String notice = request.getParameter("notice");
        boolean cancelledElsewhere = notice != null
                && usable.stream().anyMatch(m -> notice.equals(m.method().id() + "-cancelled"));
        // After a cancel at a method, skipping to the only method would send the user straight back there.
        if (usable.size() == 1 && !cancelledElsewhere) {
            response.sendRedirect(usable.get(0).startPath() + "?key=" + key);
            return;
        }
        Language language = Language.of(request);
        VelocityContext context = pages.context(language);
        context.put("key", key);
        context.put("portal", sp.policy().displayName().in(language.code()));
        context.put("notice", sp.policy().notice() == null ? null : sp.policy().notice().in(language.code()));
        context.put("methodNotice", cancelledElsewhere ? notice : null);
        context.put("methods", usable.stream().map(m -> new ChoosableMethod(m.method().id(),
                m.method().label().in(language.code()), m.startPath() + "?key=" + key,
                signUp(m.method().signUp(), key))).toList());
        pages.render(response, HttpServletResponse.SC_OK, "login.vm", context);
    }

    /** An absolute sign-up URL is the provider's own page; our own path starts registration inside this login. */
    private static String signUp(URI signUp, String key) {
        if (signUp == null) {
            return null;
        }
        return signUp.isAbsolute() ? signUp.toString() : signUp + "&key=" + key;
    }

    /** One method as the template shows it. */
    public record ChoosableMethod(String id, String label, String href, String signUp) {
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        completion.complete(request, response, request.getParameter("key"),
                new LoginResult.Failed("none", "the user cancelled at the method choice"));
    }
}
