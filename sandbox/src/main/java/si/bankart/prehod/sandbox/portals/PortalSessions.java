package si.bankart.prehod.sandbox.portals;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.storage.RandomIds;

/**
 * One portal's sessions, in memory, found by a cookie scoped to the portal's path so the six portals on one host
 * keep separate sessions (which is what makes the SSO visible: each portal asks the IdP, which answers without a new
 * login). The cookie is Secure, HttpOnly and SameSite=Lax; a session lasts at most {@link #LIFETIME}.
 */
public final class PortalSessions {

    static final Duration LIFETIME = Duration.ofHours(8);

    private final PortalDefinition portal;
    private final String cookieName;
    private final Map<String, PortalSession> sessions = new ConcurrentHashMap<>();
    private final RandomIds ids;
    private final Clock clock;

    public PortalSessions(PortalDefinition portal, RandomIds ids, Clock clock) {
        this.portal = portal;
        this.cookieName = "portal_" + portal.id();
        this.ids = ids;
        this.clock = clock;
    }

    public Optional<PortalSession> find(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookieName.equals(cookie.getName())) {
                PortalSession session = sessions.get(cookie.getValue());
                if (session != null && session.created().plus(LIFETIME).isAfter(clock.instant())) {
                    return Optional.of(session);
                }
            }
        }
        return Optional.empty();
    }

    /** A new session for this login, replacing any earlier one of this browser (a new ID at every login). */
    public PortalSession start(HttpServletRequest request, HttpServletResponse response, SamlLogin login) {
        find(request).ifPresent(old -> sessions.remove(old.id()));
        sessions.values().removeIf(s -> !s.created().plus(LIFETIME).isAfter(clock.instant()));
        PortalSession session = new PortalSession(ids.token(), ids.token(), login, Optional.empty(), clock.instant());
        sessions.put(session.id(), session);
        response.addHeader("Set-Cookie", cookieName + "=" + session.id() + "; Path=" + portal.homePath()
                + "; Secure; HttpOnly; SameSite=Lax");
        return session;
    }

    public void update(PortalSession session) {
        sessions.replace(session.id(), session);
    }

    public void end(PortalSession session, HttpServletResponse response) {
        sessions.remove(session.id());
        response.addHeader("Set-Cookie", cookieName + "=; Path=" + portal.homePath()
                + "; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
    }
}
