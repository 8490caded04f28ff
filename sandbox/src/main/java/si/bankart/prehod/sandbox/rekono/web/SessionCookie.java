package si.bankart.prehod.sandbox.rekono.web;

import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The cookie holding the OP session id. SameSite=Lax: it must come along on the top-level redirect from a relying
 * party to the authorize endpoint, and on nothing cross-site else. Cookies ignore ports, so the certificate port sees
 * it too.
 */
public final class SessionCookie {

    public static final String NAME = "REKONO_SESSION";

    private SessionCookie() {}

    public static Optional<String> read(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    public static void set(HttpServletResponse response, String sessionId) {
        response.addHeader("Set-Cookie", NAME + "=" + sessionId + "; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    public static void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
    }
}
