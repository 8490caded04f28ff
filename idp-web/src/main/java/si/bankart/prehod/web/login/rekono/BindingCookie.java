package si.bankart.prehod.web.login.rekono;

import java.time.Duration;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.web.page.RequestCookie;

/**
 * Ties a Rekono login to the browser that started it (against login CSRF and stolen callback URLs). SameSite=Lax,
 * because Rekono's redirect back is a top-level GET from another site; Path limited to the Rekono endpoints.
 */
final class BindingCookie {

    private BindingCookie() {
    }

    static Optional<String> read(HttpServletRequest request) {
        return RequestCookie.single(request, RekonoLogin.BINDING_COOKIE);
    }

    static void write(HttpServletResponse response, String value, Duration lifetime) {
        response.addHeader("Set-Cookie", RekonoLogin.BINDING_COOKIE + "=" + value + "; Path=" + RekonoLogin.START
                + "; Max-Age=" + lifetime.toSeconds() + "; Secure; HttpOnly; SameSite=Lax");
    }
}
