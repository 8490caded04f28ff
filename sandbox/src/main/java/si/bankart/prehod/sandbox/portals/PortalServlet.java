package si.bankart.prehod.sandbox.portals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;

import si.bankart.prehod.config.LocalizedText;

/**
 * One portal's paths under {@code /<id>/}: the home page ({@code /}), {@code login}, the ACS ({@code saml/acs}), the
 * portal's own password form ({@code password}, CMS web and Bankomati/ESQ only), {@code logout} (single logout,
 * started here) and the SingleLogoutService ({@code saml/slo}, where the IdP sends LogoutRequests and answers).
 */
public final class PortalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A link to another portal, to show that SSO lets it in without a new login. */
    public record PortalLink(String id, LocalizedText displayName, String url) {
    }

    private final transient PortalDefinition portal;
    private final transient List<PortalLink> others;
    private final transient LoginStart login;
    private final transient AssertionConsumer acs;
    private final transient PortalSessions sessions;
    private final transient LogoutStart logout;
    private final transient SloEndpoint slo;
    private final transient PortalPages pages;

    public PortalServlet(PortalDefinition portal, List<PortalLink> others, LoginStart login, AssertionConsumer acs,
            PortalSessions sessions, LogoutStart logout, SloEndpoint slo, PortalPages pages) {
        this.portal = portal;
        this.others = List.copyOf(others);
        this.login = login;
        this.acs = acs;
        this.sessions = sessions;
        this.logout = logout;
        this.slo = slo;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(portal.homePath());
        } else if (path.equals("/")) {
            home(request, response, 200, false);
        } else if (path.equals("/login")) {
            login.handle(request, response);
        } else if (path.equals("/saml/slo")) {
            slo.handle(request, response);
        } else {
            notFound(request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/saml/acs" -> acs.handle(request, response);
            case "/password" -> password(request, response);
            case "/logout" -> logout(request, response);
            default -> notFound(request, response);
        }
    }

    private void home(HttpServletRequest request, HttpServletResponse response, int status, boolean passwordRefused)
            throws IOException {
        String language = PortalPages.language(request);
        VelocityContext page = pages.context(language, portal);
        page.put("others", others);
        page.put("passwordRefused", passwordRefused);
        Optional<PortalSession> session = sessions.find(request);
        page.put("loggedIn", session.isPresent());
        session.ifPresent(s -> {
            page.put("formToken", s.formToken());
            page.put("needsPassword", portal.asksOwnPassword() && s.appUser().isEmpty());
            page.put("appUser", s.appUser().orElse(null));
            SamlLogin samlLogin = s.login();
            page.put("nameId", samlLogin.nameId().value());
            page.put("nameIdFormat", samlLogin.nameId().formatOrUnspecified());
            page.put("loa", samlLogin.authnContextClassRef());
            page.put("sessionIndex", samlLogin.sessionIndex());
            page.put("authnInstant", samlLogin.authnInstant());
            Map<String, String> attributes = new LinkedHashMap<>();
            samlLogin.attributes().forEach((name, values) -> attributes.put(name, String.join(", ", values)));
            page.put("attributes", attributes);
        });
        pages.render(response, status, "home.vm", page);
    }

    /** The portal's own login after SSO, as CMS web and Bankomati/ESQ have it: any non-empty demo values pass. */
    private void password(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PortalSession> session = sessions.find(request).filter(s -> tokenMatches(s, request));
        if (session.isEmpty() || !portal.asksOwnPassword()) {
            response.sendRedirect(homeIn(request));
            return;
        }
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            home(request, response, 400, true);
            return;
        }
        sessions.update(session.get().withAppUser(user.strip()));
        response.sendRedirect(homeIn(request));
    }

    /** The logout button: single logout through the IdP; without a live session (or its token) just the home page. */
    private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PortalSession> session = sessions.find(request).filter(s -> tokenMatches(s, request));
        if (session.isEmpty()) {
            response.sendRedirect(homeIn(request));
            return;
        }
        logout.handle(session.get(), PortalPages.language(request), response);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        VelocityContext page = pages.context(PortalPages.language(request), portal);
        pages.render(response, 404, "not-found.vm", page);
    }

    private String homeIn(HttpServletRequest request) {
        return LocalPage.home(portal, PortalPages.language(request)).path();
    }

    private static boolean tokenMatches(PortalSession session, HttpServletRequest request) {
        String sent = request.getParameter("token");
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.formToken().getBytes(StandardCharsets.UTF_8));
    }
}
