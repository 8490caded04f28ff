package si.bankart.prehod.login.rekono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.protocol.SamlStatus;

/**
 * Every Rekono refusal in the one refusal model: the page the user sees, and the status the portal hears when it may
 * be answered. The table is written out so that a new reason, or a changed page or status, fails here first.
 */
class RejectionReasonTest {

    private static final Optional<SamlStatus> NOT_ANSWERED = Optional.empty();
    private static final Optional<SamlStatus> AUTHN_FAILED = Optional.of(SamlStatus.RESPONDER_AUTHN_FAILED);
    private static final Optional<SamlStatus> NO_AUTHN_CONTEXT = Optional.of(SamlStatus.REQUESTER_NO_AUTHN_CONTEXT);

    private record Expected(String page, Optional<SamlStatus> status) {
    }

    private static Map<RejectionReason, Expected> table() {
        Map<RejectionReason, Expected> table = new EnumMap<>(RejectionReason.class);
        for (RejectionReason state : EnumSet.range(RejectionReason.STATE_MISSING, RejectionReason.STATE_OTHER_BROWSER)) {
            table.put(state, new Expected("login-expired", NOT_ANSWERED));
        }
        table.put(RejectionReason.PROVIDER_UNAVAILABLE, new Expected("rekono-unavailable", NOT_ANSWERED));
        table.put(RejectionReason.UNMET_LEVEL, new Expected("rekono-failed", NO_AUTHN_CONTEXT));
        table.put(RejectionReason.NO_AUTHN_CONTEXT, new Expected("rekono-failed", NO_AUTHN_CONTEXT));
        for (RejectionReason failed : EnumSet.of(RejectionReason.RESPONSE_MALFORMED, RejectionReason.ISSUER_MISMATCH,
                RejectionReason.ISSUER_MISSING, RejectionReason.PROVIDER_ERROR, RejectionReason.TOKEN_REFUSED,
                RejectionReason.ID_TOKEN_MALFORMED, RejectionReason.ID_TOKEN_ALGORITHM,
                RejectionReason.ID_TOKEN_SIGNATURE, RejectionReason.ID_TOKEN_ISSUER, RejectionReason.ID_TOKEN_AUDIENCE,
                RejectionReason.ID_TOKEN_EXPIRED, RejectionReason.ID_TOKEN_ISSUED_AT, RejectionReason.ID_TOKEN_NONCE,
                RejectionReason.ID_TOKEN_AT_HASH, RejectionReason.ID_TOKEN_AUTH_TIME,
                RejectionReason.USERINFO_SUBJECT_MISMATCH)) {
            table.put(failed, new Expected("rekono-failed", AUTHN_FAILED));
        }
        return table;
    }

    @Test
    void everyReasonHasItsPageAndStatus() {
        Map<RejectionReason, Expected> table = table();
        assertEquals(EnumSet.allOf(RejectionReason.class), table.keySet(), "every reason is in the table");
        for (RejectionReason reason : RejectionReason.values()) {
            assertEquals(table.get(reason), new Expected(reason.page(), reason.samlStatus()), reason.name());
        }
    }

    @Test
    void aReasonAnswersThePortalExactlyWhenItHasAStatus() {
        for (RejectionReason reason : RejectionReason.values()) {
            assertEquals(reason.samlStatus().isPresent(), reason.answersSp(), reason.name());
        }
    }

    @Test
    void aStateProblemNeverAnswersThePortal() {
        // The browser is not trusted to complete the login: the page says it expired, the login stays.
        for (RejectionReason reason : RejectionReason.values()) {
            if (reason.page().equals("login-expired")) {
                assertFalse(reason.answersSp(), reason.name());
            }
        }
    }

    @Test
    void onlyTheLevelReasonsFallShortOfTheLevel() {
        EnumSet<RejectionReason> shortfall = EnumSet.noneOf(RejectionReason.class);
        for (RejectionReason reason : RejectionReason.values()) {
            if (reason.fellShortOfLevel()) {
                shortfall.add(reason);
            }
        }
        assertEquals(EnumSet.of(RejectionReason.UNMET_LEVEL, RejectionReason.NO_AUTHN_CONTEXT), shortfall);
    }
}
