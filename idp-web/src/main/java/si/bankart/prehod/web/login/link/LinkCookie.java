package si.bankart.prehod.web.login.link;

import java.time.Duration;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.web.page.RequestCookie;

/**
 * The browser's key to its Rekono login waiting for a link. HttpOnly and SameSite=Lax (a code cannot be posted from
 * another site with it); Path /idp/login so the certificate hand-back on the main host
 * ({@code /idp/login/certificate/done}) receives it, which is what "the same browser" means for linking by
 * certificate (the certificate host, another host in production, never needs it).
 */
public final class LinkCookie {

    static final String NAME = "prehod_link";

    private LinkCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        return RequestCookie.single(request, NAME);
    }

    public static void write(HttpServletResponse response, String value, Duration lifetime) {
        response.addHeader("Set-Cookie", NAME + "=" + value + "; Path=/idp/login; Max-Age=" + lifetime.toSeconds()
                + "; Secure; HttpOnly; SameSite=Lax");
    }

    public static void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", NAME + "=; Path=/idp/login; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
    }
}
