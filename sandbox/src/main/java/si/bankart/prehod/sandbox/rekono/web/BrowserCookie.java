package si.bankart.prehod.sandbox.rekono.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A random id for the browser, set when an authorization request opens a login, so that the login transaction can
 * only be continued by the browser that started it: a transaction id that leaks (a log, a shared link) is useless
 * elsewhere, and another site cannot drive a victim's browser through a login it started (login CSRF).
 */
public final class BrowserCookie {

    public static final String NAME = "REKONO_BROWSER";

    private BrowserCookie() {}

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

    /** The browser's id, setting a new one when it has none. */
    public static String ensure(HttpServletRequest request, HttpServletResponse response, SecureRandom random) {
        Optional<String> existing = read(request);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.addHeader("Set-Cookie", NAME + "=" + id + "; Path=/; Secure; HttpOnly; SameSite=Lax");
        return id;
    }
}
