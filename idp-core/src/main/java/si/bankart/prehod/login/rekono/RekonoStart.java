package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.time.Duration;

/** What starting a Rekono login gives the web layer: where to send the browser, or why it cannot go. */
public sealed interface RekonoStart permits RekonoStart.Redirect, RekonoOutcome.Rejected {

    /**
     * Send the browser to {@code authorizationUrl} (302) and keep {@code browserBinding} in a cookie (Secure, HttpOnly,
     * SameSite=Lax so it comes back on Rekono's top-level redirect, Path of the callback, Max-Age {@code lifetime}).
     */
    record Redirect(URI authorizationUrl, String browserBinding, Duration lifetime) implements RekonoStart {
    }
}
