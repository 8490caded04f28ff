package si.bankart.prehod.web.response;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.sp.PortalHome;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;

/**
 * The page a user sees when nothing can be sent back to the portal: what happened in plain words, what to do, and
 * the incident reference that is also in our log. It takes an {@link Incident}, which exists only once logged with
 * its reason, so no page shows a reference the log lacks. Both languages on one page, the user's first, so it never
 * needs a second request (which a POST endpoint could not answer).
 */
public final class ErrorPage {

    private static final String TEMPLATE = "error.vm";

    private final Pages pages;

    public ErrorPage(Pages pages) {
        this.pages = pages;
    }

    /** @param page message-key prefix: error.{page}.title / error.{page}.text */
    public void show(HttpServletResponse response, int status, String page, Incident incident, Language language)
            throws IOException {
        show(response, status, page, incident, language, null);
    }

    /**
     * The same, with a way on: {@code retry} is one of our own paths (e.g. back to the method choice) where the user
     * can continue, so a failed method is not a dead end.
     */
    public void show(HttpServletResponse response, int status, String page, Incident incident, Language language,
            String retry) throws IOException {
        show(response, status, page, incident, language, retry, null);
    }

    /**
     * The same, with a second way on: {@code again} repeats the step that failed (e.g. the certificate prompt, after
     * the browser sent no certificate), labelled error.{page}.again.
     */
    public void show(HttpServletResponse response, int status, String page, Incident incident, Language language,
            String retry, String again) throws IOException {
        pages.render(response, status, TEMPLATE, context(page, incident, language, retry, again));
    }

    /**
     * A login that is gone (expired, used, or a page reloaded after the end): with a button back to the portal it came
     * from when that is known, so an old tab is never a dead end.
     */
    public void loginExpired(HttpServletResponse response, Incident incident, Language language,
            Optional<PortalHome> portal) throws IOException {
        show(response, "login-expired", incident, language, portal);
    }

    /** A client error (HTTP 400) with, when known, a button back to the portal the user came from. */
    public void show(HttpServletResponse response, String page, Incident incident, Language language,
            Optional<PortalHome> portal) throws IOException {
        VelocityContext context = context(page, incident, language, null, null);
        context.put("portal", portal.orElse(null));
        pages.render(response, HttpServletResponse.SC_BAD_REQUEST, TEMPLATE, context);
    }

    /** The page as bytes, for the server's own error handler, which answers outside any servlet. */
    public byte[] html(String page, Incident incident, Language language) {
        return pages.html(TEMPLATE, context(page, incident, language, null, null));
    }

    private VelocityContext context(String page, Incident incident, Language language, String retry, String again) {
        VelocityContext context = pages.context(language);
        context.put("retry", retry);
        context.put("again", again);
        context.put("page", page);
        context.put("incident", incident.reference());
        context.put("first", pages.messages(language));
        context.put("second", pages.messages(language.other()));
        context.put("secondLang", language.other().code());
        return context;
    }
}
