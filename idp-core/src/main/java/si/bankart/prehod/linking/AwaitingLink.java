package si.bankart.prehod.linking;

import java.time.Instant;
import java.util.List;

import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.rekono.RekonoOutcome;

/**
 * A finished Rekono login of an unlinked account, kept while the user enters an activation code or logs in with the
 * bank certificate; {@code wrongCodes} counts this login's attempts (taken before each
 * code is checked).
 */
public record AwaitingLink(String pendingLoginKey, String issuer, String subject, String accountLabel, LevelOfAssurance loa,
        Instant authTime, String idToken, List<String> amr, Instant expires, int wrongCodes) {

    static AwaitingLink of(RekonoOutcome.Unlinked login, Instant expires) {
        return new AwaitingLink(login.pendingLoginKey(), login.identity().issuer(), login.identity().subject(),
                login.accountLabel(), login.loa(), login.authTime(), login.idToken(), login.amr(), expires, 0);
    }

    public RekonoIdentity identity() {
        return new RekonoIdentity(issuer, subject);
    }

    RekonoOutcome.Authenticated linkedTo(String userId) {
        return new RekonoOutcome.Unlinked(pendingLoginKey, identity(), accountLabel, loa, authTime, idToken, amr)
                .linkedTo(userId);
    }

    AwaitingLink withWrongCode() {
        return new AwaitingLink(pendingLoginKey, issuer, subject, accountLabel, loa, authTime, idToken, amr, expires,
                wrongCodes + 1);
    }
}
