package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.factor.Factor;
import si.bankart.prehod.sandbox.rekono.factor.FactorLocks;

/**
 * "Metoda je zaklenjena": shown instead of a code page while that factor is locked for the account, saying until when
 * and offering the other factors or cancelling (back to the portal's IdP), never another code field.
 */
final class FactorLockedPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Ljubljana"));

    private FactorLockedPage() {
    }

    /** Renders the page and returns true when {@code factor} is locked for the account. */
    static boolean showIfLocked(LoginJourney journey, FactorLocks locks, HttpServletRequest request,
            HttpServletResponse response, LoginTransaction tx, Account account, Factor factor) throws IOException {
        Optional<Instant> until = locks.lockedUntil(account.sub(), factor);
        if (until.isEmpty()) {
            return false;
        }
        journey.render(request, response, HttpServletResponse.SC_FORBIDDEN, tx, "factor-locked", Map.of(
                "factor", factor.id(), "until", TIME.format(until.get()), "maxWrongCodes", locks.maxWrongCodes(),
                "confirmUrl", LoginJourney.pageUrl("confirm", tx)));
        return true;
    }
}
