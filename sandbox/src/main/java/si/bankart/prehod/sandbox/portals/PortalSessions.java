package si.bankart.prehod.sandbox.portals;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.opensaml.saml.saml2.core.NameID;

import si.bankart.prehod.storage.RandomIds;

/**
 * One portal's sessions, in memory, found by a cookie scoped to the portal's path so the six portals on one host
 * keep separate sessions (which is what makes the SSO visible: each portal asks the IdP, which answers without a new
 * login). The cookie is Secure, HttpOnly and SameSite=Lax; a session lasts at most {@link #LIFETIME}.
 *
 * <p>Sessions are also indexed by NameID value: an IdP-initiated LogoutRequest arrives in a browser whose cookie may
 * be gone or belong to someone else, so single logout finds the sessions by NameID and SessionIndex, not by cookie.
 */
public final class PortalSessions {

    static final Duration LIFETIME = Duration.ofHours(8);

    private final PortalDefinition portal;
    private final String cookieName;
    private final Map<String, PortalSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> idsByNameId = new ConcurrentHashMap<>();
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
                if (session != null && isLive(session)) {
                    return Optional.of(session);
                }
            }
        }
        return Optional.empty();
    }

    /** A new session for this login, replacing any earlier one of this browser (a new ID at every login). */
    public PortalSession start(HttpServletRequest request, HttpServletResponse response, SamlLogin login) {
        find(request).ifPresent(old -> remove(old.id()));
        sessions.values().stream().filter(s -> !isLive(s)).map(PortalSession::id).toList().forEach(this::remove);
        PortalSession session = new PortalSession(ids.token(), ids.token(), login, Optional.empty(), clock.instant());
        sessions.put(session.id(), session);
        // compute, not computeIfAbsent().add(): a concurrent remove() could drop the set between the two calls.
        idsByNameId.compute(login.nameId().value(), (value, ids) -> {
            Set<String> indexed = ids == null ? ConcurrentHashMap.newKeySet() : ids;
            indexed.add(session.id());
            return indexed;
        });
        response.addHeader("Set-Cookie", cookieName + "=" + session.id() + "; Path=" + portal.homePath()
                + "; Secure; HttpOnly; SameSite=Lax");
        return session;
    }

    public void update(PortalSession session) {
        sessions.replace(session.id(), session);
    }

    public void end(PortalSession session, HttpServletResponse response) {
        remove(session.id());
        response.addHeader("Set-Cookie", cookieName + "=; Path=" + portal.homePath()
                + "; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
    }

    /**
     * Ends every session of this principal whose SessionIndex is one of {@code sessionIndexes}, or all of the
     * principal's sessions when the list is empty (SAML core §3.7.1: no SessionIndex means every session).
     *
     * @return how many sessions ended
     */
    public int endAll(NameID nameId, List<String> sessionIndexes) {
        if (nameId == null || nameId.getValue() == null) {
            return 0;
        }
        List<PortalSession> matching = idsByNameId.getOrDefault(nameId.getValue(), Set.of()).stream()
                .map(sessions::get)
                .filter(s -> s != null && s.login().nameId().matches(nameId))
                .filter(s -> sessionIndexes.isEmpty() || sessionIndexes.contains(s.login().sessionIndex()))
                .toList();
        matching.forEach(s -> remove(s.id()));
        return matching.size();
    }

    /** The live sessions, oldest first: the portals' index page shows who is logged in where. */
    public List<PortalSession> live() {
        return sessions.values().stream().filter(this::isLive)
                .sorted(Comparator.comparing(PortalSession::created))
                .toList();
    }

    private boolean isLive(PortalSession session) {
        return session.created().plus(LIFETIME).isAfter(clock.instant());
    }

    private void remove(String id) {
        PortalSession removed = sessions.remove(id);
        if (removed != null) {
            idsByNameId.computeIfPresent(removed.login().nameId().value(), (value, ids) -> {
                ids.remove(id);
                return ids.isEmpty() ? null : ids;
            });
        }
    }
}
