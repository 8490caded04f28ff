package si.bankart.prehod.sandbox.rekono.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Picks the page language: Slovenian unless the user chose otherwise with the language link (?lang=, remembered in a
 * cookie), the relying party asked with ui_locales, or the browser prefers English (Accept-Language).
 */
public final class LanguageChoice {

    static final String COOKIE = "rekono_lang";
    private static final List<String> LANGUAGES = List.of("sl", "en");

    private LanguageChoice() {}

    /** Applies ?lang= (setting the cookie) and returns the language for this response. */
    public static String resolve(HttpServletRequest request, HttpServletResponse response, List<String> uiLocales) {
        String asked = request.getParameter("lang");
        if (asked != null && LANGUAGES.contains(asked)) {
            Cookie cookie = new Cookie(COOKIE, asked);
            cookie.setPath("/");
            cookie.setSecure(true);
            cookie.setHttpOnly(true);
            cookie.setMaxAge(365 * 24 * 3600);
            response.addCookie(cookie);
            return asked;
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName()) && LANGUAGES.contains(c.getValue())) {
                    return c.getValue();
                }
            }
        }
        Optional<String> fromRelyingParty = firstSupported(uiLocales);
        if (fromRelyingParty.isPresent()) {
            return fromRelyingParty.get();
        }
        String header = request.getHeader("Accept-Language");
        if (header != null) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), Messages.SUPPORTED);
                if (best != null) {
                    return best.getLanguage();
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed header is treated as absent.
            }
        }
        return "sl";
    }

    private static Optional<String> firstSupported(List<String> tags) {
        return tags.stream().map(t -> Locale.forLanguageTag(t).getLanguage()).filter(LANGUAGES::contains).findFirst();
    }
}
