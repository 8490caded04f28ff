package si.bankart.prehod.web.login;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.web.page.RequestCookie;

/**
 * The entity ID of the portal this browser last started a login for, so a page reached without any login key (Back
 * to Rekono's answer after the login finished, Rekono's own "login expired" link) can still lead back to it. Only an
 * entity ID: the IdP turns it into a link from its own configuration, so a forged cookie can name only a registered
 * portal's home.
 */
public final class LastPortalCookie {

    public static final String NAME = "prehod_portal";
    private static final int ONE_DAY = 24 * 60 * 60;

    private LastPortalCookie() {
    }

    public static void write(HttpServletResponse response, String entityId) {
        response.addHeader("Set-Cookie", NAME + "=" + URLEncoder.encode(entityId, StandardCharsets.UTF_8)
                + "; Path=/idp; Max-Age=" + ONE_DAY + "; Secure; HttpOnly; SameSite=Lax");
    }

    public static Optional<String> read(HttpServletRequest request) {
        return RequestCookie.single(request, NAME).flatMap(value -> {
            try {
                return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }
}
