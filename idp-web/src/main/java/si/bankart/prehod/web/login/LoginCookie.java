package si.bankart.prehod.web.login;

import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.web.page.RequestCookie;

/**
 * The login-binding cookie ({@link si.bankart.prehod.login.LoginBinding}): it ties every pending login to the browser
 * that started it. HttpOnly and Secure; SameSite=Lax, because Rekono's redirect back is a top-level GET from another
 * site; Path /idp, so the SSO endpoints set it and every login step reads it. No Max-Age: it ends with the browser
 * session, and each pending login expires on its own.
 */
public final class LoginCookie {

    public static final String NAME = "prehod_login";

    private LoginCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        return RequestCookie.single(request, NAME);
    }

    /** Sets it unless the browser already sent this value. */
    public static void write(HttpServletRequest request, HttpServletResponse response, String value) {
        if (!read(request).filter(value::equals).isPresent()) {
            response.addHeader("Set-Cookie", NAME + "=" + value + "; Path=/idp; Secure; HttpOnly; SameSite=Lax");
        }
    }
}
