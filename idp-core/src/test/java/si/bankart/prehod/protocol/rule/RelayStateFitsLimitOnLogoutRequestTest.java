package si.bankart.prehod.protocol.rule;

import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.RequestRule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertReasonMentions;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.established;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.passes;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.rejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.request;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.logout.IncomingLogoutRequest;
import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.protocol.SamlStatus;

class RelayStateFitsLimitOnLogoutRequestTest {

    private final RequestRule<? super LogoutRequestCheck> rule = shared(new RelayStateFitsLimit(80));

    private static LogoutRequestCheck withRelayState(String relayState) {
        return established(new IncomingLogoutRequest(request().build(), SloFixtures.POST, SloFixtures.POST_SLO, relayState,
                Optional.empty()));
    }

    @Test
    void checkWhenRelayStateIsWithin80BytesThenPassesAndIsEchoed() {
        LogoutRequestCheck check = withRelayState("x".repeat(80));
        passes(rule, check);
        assertEquals(Optional.of(RelayState.of("x".repeat(80))), check.reply().orElseThrow().relayState());
    }

    @Test
    void checkWhenRelayStateIsAbsentThenPassesWithNothingToEcho() {
        LogoutRequestCheck check = withRelayState(null);
        passes(rule, check);
        assertEquals(Optional.empty(), check.reply().orElseThrow().relayState());
    }

    @Test
    void checkWhenRelayStateIsLongerThan80BytesThenRequesterAndNotEchoed() {
        var thrown = rejected(rule, withRelayState("č".repeat(41)));
        assertRejected(thrown, SamlStatus.REQUESTER);
        assertReasonMentions(thrown, "82 bytes, the limit is 80");
        assertEquals(Optional.empty(), thrown.replyTo().orElseThrow().relayState());
    }

    /** The rule shared with AuthnRequests, as the logout validator runs it. */
    private static RequestRule<? super LogoutRequestCheck> shared(RelayStateFitsLimit rule) {
        return rule;
    }
}
