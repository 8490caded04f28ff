package si.bankart.prehod.sandbox.portals;

import java.io.IOException;
import java.net.URI;
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
 * portal's own password form ({@code password}, CMS web and Bankomati/ESQ only) and {@code logout}.
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
    private final transient SingleLogout singleLogout;
    private final transient PortalPages pages;

    public PortalServlet(PortalDefinition portal, List<PortalLink> others, LoginStart login, AssertionConsumer acs,
            PortalSessions sessions, SingleLogout singleLogout, PortalPages pages) {
        this.portal = portal;
        this.others = List.copyOf(others);
        this.login = login;
        this.acs = acs;
        this.sessions = sessions;
        this.singleLogout = singleLogout;
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
        page.put("loggedOut", "1".equals(request.getParameter("loggedOut")));
        page.put("passwordRefused", passwordRefused);
        Optional<PortalSession> session = sessions.find(request);
        page.put("loggedIn", session.isPresent());
        session.ifPresent(s -> {
            page.put("formToken", s.formToken());
            page.put("needsPassword", portal.asksOwnPassword() && s.appUser().isEmpty());
            page.put("appUser", s.appUser().orElse(null));
            SamlLogin samlLogin = s.login();
            page.put("nameId", samlLogin.nameId());
            page.put("nameIdFormat", samlLogin.nameIdFormat());
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

    /** Ends the portal's own session; single logout is the hook's business once it exists. */
    private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PortalSession> session = sessions.find(request).filter(s -> tokenMatches(s, request));
        if (session.isEmpty()) {
            response.sendRedirect(homeIn(request));
            return;
        }
        sessions.end(session.get(), response);
        Optional<URI> next = singleLogout.afterLocalLogout(session.get());
        if (next.isPresent()) {
            response.sendRedirect(next.get().toString());
        } else {
            String language = PortalPages.language(request);
            response.sendRedirect(portal.homePath() + "?loggedOut=1" + ("en".equals(language) ? "&lang=en" : ""));
        }
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
