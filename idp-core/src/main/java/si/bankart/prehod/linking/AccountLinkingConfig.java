package si.bankart.prehod.linking;

import java.time.Duration;

/**
 * conf/account-linking.yaml: how a Rekono account that no bank user has yet is linked to one, with an activation
 * code from the bank ({@code ./prehod users invite}) or the user's bank certificate. Read with
 * {@link si.bankart.prehod.config.YamlFiles}; a wrong value stops start-up.
 *
 * @param store                 the file (relative to the installation folder) that keeps links and activation codes
 *                              across restarts and that {@code ./prehod users …} writes while the IdP runs
 * @param codeLifetime          how long an activation code is valid after {@code invite}
 * @param linkLifetime          how long a Rekono login waits on the "not registered" page for its code or certificate
 * @param maxAttemptsPerLogin   wrong codes one waiting login may enter before it is refused
 * @param maxAttemptsPerAccount wrong codes one Rekono account may enter within {@code attemptWindow}, over all its
 *                              logins (so starting again does not reset the count)
 * @param attemptWindow         the window of {@code maxAttemptsPerAccount}
 */
public record AccountLinkingConfig(String store, Duration codeLifetime, Duration linkLifetime, Integer maxAttemptsPerLogin,
        Integer maxAttemptsPerAccount, Duration attemptWindow) {

    public AccountLinkingConfig {
        store = store == null || store.isBlank() ? "var/links/account-links.json" : store;
        codeLifetime = within(codeLifetime, Duration.ofDays(7), Duration.ofDays(90), "codeLifetime");
        linkLifetime = within(linkLifetime, Duration.ofMinutes(15), Duration.ofHours(2), "linkLifetime");
        maxAttemptsPerLogin = between(maxAttemptsPerLogin, 5, "maxAttemptsPerLogin");
        maxAttemptsPerAccount = between(maxAttemptsPerAccount, 10, "maxAttemptsPerAccount");
        attemptWindow = within(attemptWindow, Duration.ofHours(1), Duration.ofDays(1), "attemptWindow");
    }

    /** The defaults, for an installation without the file. */
    public static AccountLinkingConfig defaults() {
        return new AccountLinkingConfig(null, null, null, null, null, null);
    }

    private static Duration within(Duration value, Duration fallback, Duration max, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be more than PT0S and at most " + max + ", was " + value);
        }
        return value;
    }

    private static int between(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException(name + " must be between 1 and 100, was " + value);
        }
        return value;
    }
}
