package si.bankart.prehod.web.page;

import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

/** How every IdP cookie is read from a request. */
public final class RequestCookie {

    private RequestCookie() {
    }

    /**
     * The value of the one cookie called {@code name}; empty when there is none or more than one: two of our cookies
     * mean someone planted one (e.g. from a sibling domain or another path), so neither is trusted.
     */
    public static Optional<String> single(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String found = null;
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                if (found != null) {
                    return Optional.empty();
                }
                found = cookie.getValue() == null ? "" : cookie.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
