package si.bankart.prehod.web.login;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;

import si.bankart.prehod.login.MethodDescription;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.MethodChoice;
import si.bankart.prehod.login.MethodOffer;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;

/**
 * {@code /idp/login}: which portal the user is going to and the login methods that portal allows and that can reach
 * the level it needs ({@link MethodChoice} decides), naming the allowed ones that cannot reach it. With one such method
 * and nothing to explain the page skips itself; with none the user reads why and what to do, and its button tells the
 * portal NoAuthnContext. POST {@code /idp/login/cancel} lets the user give up (AuthnFailed), so there is no dead end.
 */
public final class MethodChoicePage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** A method sends the user back here with notice=<method id>-cancelled; any other value is not shown. */
    private static final String CANCELLED = "-cancelled";

    private final transient List<LoginMethodEndpoint> methods;
    private final transient ServiceProviders registry;
    private final transient LoginCompletion completion;
    private final transient Pages pages;

    public MethodChoicePage(List<LoginMethodEndpoint> methods, ServiceProviders registry,
            LoginCompletion completion, Pages pages) {
        this.methods = List.copyOf(methods);
        this.registry = registry;
        this.completion = completion;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        Optional<PendingLogin> pending = completion.pending(request, response, key, "method-choice", null);
        if (pending.isEmpty()) {
            return;
        }
        completion.rememberPortal(response, pending.get());
        SsoRequest sso = pending.get().request();
        // The SP as the login started with it: a metadata reload meanwhile must not break the login half-way.
        RegisteredSp sp = registry.asStarted(sso.spEntityId(), sso.acsLocation()).orElseThrow();
        String notice = request.getParameter("notice");
        MethodChoice choice = MethodChoice.forLogin(methods.stream().map(LoginMethodEndpoint::method).toList(),
                sp.policy(), sso, completion.session(request), Optional.ofNullable(request.getParameter("shortfall")),
                Optional.ofNullable(notice).filter(n -> n.endsWith(CANCELLED))
                        .map(n -> n.substring(0, n.length() - CANCELLED.length())));
        if (choice instanceof MethodChoice.StartMethod start) {
            response.sendRedirect(endpoint(start.method()).startPath() + "?key=" + key);
            return;
        }
        Language language = Language.of(request);
        VelocityContext context = pages.context(language);
        context.put("key", key);
        context.put("portal", sp.policy().displayName().in(language.code()));
        if (choice instanceof MethodChoice.LevelUnreachable unreachable) {
            describe(context, unreachable.offer(), unreachable.stepUpFrom(), language);
            unreachable.shortfall().ifPresent(m -> context.put("shortfall", m.label().in(language.code())));
            context.put("methods", unreachable.remaining().stream().map(m -> choosable(m, key, language)).toList());
            // Our own page first: what happened and what the user can do; its button tells the portal NoAuthnContext.
            pages.render(response, HttpServletResponse.SC_OK, "level-unreachable.vm", context);
            return;
        }
        MethodChoice.Choose choose = (MethodChoice.Choose) choice;
        describe(context, choose.offer(), choose.stepUpFrom(), language);
        context.put("notice", sp.policy().notice() == null ? null : sp.policy().notice().in(language.code()));
        context.put("methodNotice", choose.cancelled().map(m -> m.id() + CANCELLED).orElse(null));
        context.put("methods", choose.offer().offered().stream().map(m -> choosable(m, key, language)).toList());
        pages.render(response, HttpServletResponse.SC_OK, "login.vm", context);
    }

    /** The level needed, a step-up from the session if that is why, and the allowed methods that cannot reach it. */
    private static void describe(VelocityContext context, MethodOffer offer, Optional<SsoSession> stepUpFrom,
            Language language) {
        context.put("needed", offer.needed().id());
        stepUpFrom.ifPresent(session -> {
            context.put("stepUpUser", session.userId());
            context.put("stepUpLevel", session.loa().id());
        });
        context.put("tooWeak", offer.tooWeak().stream().map(m -> new WithheldMethod(m.label().in(language.code()),
                m.strongest().id())).toList());
    }

    private LoginMethodEndpoint endpoint(MethodDescription method) {
        return methods.stream().filter(m -> m.method().equals(method)).findFirst().orElseThrow();
    }

    private ChoosableMethod choosable(MethodDescription m, String key, Language language) {
        return new ChoosableMethod(m.id(), m.label().in(language.code()),
                endpoint(m).startPath() + "?key=" + key + "&lang=" + language.code(), signUp(m.signUp(), key));
    }

    /** A method the portal allows but that cannot reach its level, with the strongest level it does reach. */
    public record WithheldMethod(String label, String reaches) {
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
        LoginResult.Failed failed = "level".equals(request.getParameter("reason"))
                ? new LoginResult.Failed("none", "no login method allowed for this SP can reach the required level",
                        SamlStatus.REQUESTER_NO_AUTHN_CONTEXT)
                : new LoginResult.Failed("none", "the user cancelled at the method choice");
        completion.complete(request, response, request.getParameter("key"), failed);
    }
}
