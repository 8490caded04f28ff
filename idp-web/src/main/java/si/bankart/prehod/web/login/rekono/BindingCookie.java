package si.bankart.prehod.web.login.rekono;

import java.time.Duration;
import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Ties a Rekono login to the browser that started it (against login CSRF and stolen callback URLs). SameSite=Lax,
 * because Rekono's redirect back is a top-level GET from another site; Path limited to the Rekono endpoints.
 */
final class BindingCookie {

    private BindingCookie() {
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (RekonoLogin.BINDING_COOKIE.equals(cookie.getName())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static void write(HttpServletResponse response, String value, Duration lifetime) {
        response.addHeader("Set-Cookie", RekonoLogin.BINDING_COOKIE + "=" + value + "; Path=" + RekonoLogin.START
                + "; Max-Age=" + lifetime.toSeconds() + "; Secure; HttpOnly; SameSite=Lax");
    }
}
