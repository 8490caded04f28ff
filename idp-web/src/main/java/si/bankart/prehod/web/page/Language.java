package si.bankart.prehod.web.page;

import java.util.Locale;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The page language: Slovenian first; English when asked for by the switch (?lang=en, remembered in a cookie) or when
 * the browser prefers English and does not list Slovenian.
 */
public enum Language {
    SL, EN;

    public static final String COOKIE = "prehod_lang";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Language other() {
        return this == SL ? EN : SL;
    }

    /** Keeps the user's choice for pages reached later through other sites (e.g. the end of a logout chain). */
    public void remember(HttpServletResponse response) {
        response.addHeader("Set-Cookie", COOKIE + "=" + code() + "; Path=/idp; Secure; HttpOnly; SameSite=Lax");
    }

    public static Language of(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null) {
            return "en".equals(asked) ? EN : SL;
        }
        Optional<String> chosen = RequestCookie.single(request, COOKIE);
        if (chosen.isPresent()) {
            return "en".equals(chosen.get()) ? EN : SL;
        }
        return ofAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** English only for a browser that prefers English and does not accept Slovenian at all. */
    public static Language ofAcceptLanguage(String accept) {
        if (accept != null) {
            String lower = accept.toLowerCase(Locale.ROOT);
            if (lower.startsWith("en") && !lower.contains("sl")) {
                return EN;
            }
        }
        return SL;
    }
}
