package si.bankart.prehod.web.session;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import si.bankart.prehod.web.page.RequestCookie;

/**
 * The SSO session cookie: Secure, HttpOnly, and SameSite=None because SAML's POST binding arrives cross-site from the
 * portals. It holds only an unguessable session id. Written as a header since the servlet 4 Cookie has no SameSite.
 */
public final class SessionCookie {

    private final String name;

    public SessionCookie(String name) {
        this.name = name;
    }

    public String read(HttpServletRequest request) {
        return RequestCookie.single(request, name).orElse(null);
    }

    public void write(HttpServletResponse response, String sessionId) {
        response.addHeader("Set-Cookie", name + "=" + sessionId + "; Path=/idp; Secure; HttpOnly; SameSite=None");
    }

    public void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", name + "=; Path=/idp; Max-Age=0; Secure; HttpOnly; SameSite=None");
    }
}
