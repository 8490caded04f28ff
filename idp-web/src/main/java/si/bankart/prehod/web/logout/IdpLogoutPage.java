package si.bankart.prehod.web.logout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.LogoutFlow;
import si.bankart.prehod.logout.LogoutOutcome;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * Logout started at the IdP: {@code GET /idp/profile/Logout} lists the portals of the session and asks to confirm
 * (a GET never logs out, so a link or an image on another site cannot); {@code POST} with the page's token starts
 * single logout. A browser that comes back here in the middle of a logout (a portal never answered) resumes it.
 * {@code GET /idp/profile/Logout/rekono-done} is where Rekono sends the browser back after ending its session.
 */
public final class IdpLogoutPage extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(IdpLogoutPage.class);

    static final String TEMPLATE = "logout.vm";

    private static final long serialVersionUID = 1L;

    private final transient LogoutFlow flow;
    private final transient SessionStore sessions;
    private final transient ServiceProviders registry;
    private final transient SessionCookie ssoCookie;
    private final transient SessionCookie logoutCookie;
    private final transient LogoutOutcomeWriter writer;
    private final transient Pages pages;
    private final transient ErrorPage errorPage;
    private final transient RandomIds ids;

    public IdpLogoutPage(LogoutFlow flow, SessionStore sessions, ServiceProviders registry,
            SessionCookie ssoCookie, SessionCookie logoutCookie, LogoutOutcomeWriter writer, Pages pages,
            ErrorPage errorPage, RandomIds ids) {
        this.flow = flow;
        this.sessions = sessions;
        this.registry = registry;
        this.ssoCookie = ssoCookie;
        this.logoutCookie = logoutCookie;
        this.writer = writer;
        this.pages = pages;
        this.errorPage = errorPage;
        this.ids = ids;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().equals(Paths.LOGOUT_UPSTREAM_DONE)) {
            writer.write(request, response, flow.upstreamEnded(request.getParameter("state"), request.getRemoteAddr()));
            return;
        }
        // A logout ends the SSO session first, so a live session here is a newer login: offer to log it out, and
        // leave any older interrupted logout alone rather than report it as this session's.
        Optional<SsoSession> session = sessions.find(ssoCookie.read(request));
        if (session.isEmpty()) {
            Optional<LogoutOutcome> resumed = flow.resumed(logoutCookie.read(request), request.getRemoteAddr());
            if (resumed.isPresent()) {
                writer.write(request, response, resumed.get());
                return;
            }
        }
        Language language = Language.of(request);
        VelocityContext context = pages.context(language);
        context.put("langSwitch", Paths.LOGOUT + "?lang=" + language.other().code());
        if (session.isPresent()) {
            List<String> portals = session.get().serviceProviders().stream()
                    .map(sp -> registry.find(sp.spEntityId())
                            .map(r -> r.policy().displayName().in(language.code())).orElse(sp.spEntityId().value()))
                    .toList();
            context.put("portals", portals);
            context.put("token", formToken(session.get()));
        } else {
            context.put("portal", writer.lastPortal(request).orElse(null));
        }
        pages.render(response, HttpServletResponse.SC_OK, TEMPLATE, context);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().equals(Paths.LOGOUT)) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Optional<SsoSession> session = sessions.find(ssoCookie.read(request));
        if (session.isEmpty()) {
            // Already logged out (another tab, expiry): say so rather than fail.
            response.sendRedirect(Paths.LOGOUT);
            return;
        }
        String token = request.getParameter("token");
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                formToken(session.get()).getBytes(StandardCharsets.US_ASCII))) {
            String reference = ids.incident();
            String reason = token == null ? "no form token" : "form token is not this session's";
            Incident incident = Incident.warn(log, reference, reason, "Logout form refused [incident {}] from {}: {}",
                    reference, request.getRemoteAddr(), reason);
            errorPage.show(response, HttpServletResponse.SC_BAD_REQUEST, "logout-form", incident,
                    Language.of(request), Paths.LOGOUT + "?");
            return;
        }
        Language.of(request).remember(response);
        writer.write(request, response, flow.requestedAtIdp(session.get(), request.getRemoteAddr()));
    }

    /** Bound to the session, which only this browser's HttpOnly cookie names: another site cannot know it. */
    private static String formToken(SsoSession session) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("logout-form:" + session.id()).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
