package si.bankart.prehod.protocol.rule;

import java.util.Optional;
import si.bankart.prehod.protocol.RelayState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertNoRelayStateEchoed;
import static si.bankart.prehod.request.rule.RuleCheck.assertReasonMentions;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.established;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.post;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

class RelayStateFitsLimitOnAuthnRequestTest {

    private final RelayStateFitsLimit rule = new RelayStateFitsLimit(80);

    private static AuthnRequestCheck check(String relayState) {
        return established(post(request().build(), relayState));
    }

    @Test
    void echoesRelayStateOf80Bytes() {
        String relayState = "r".repeat(80);
        AuthnRequestCheck check = check(relayState);
        passes(rule, check);
        assertEquals(Optional.of(RelayState.of(relayState)), check.echoedRelayState());
        assertEquals(Optional.of(RelayState.of(relayState)), check.reply().orElseThrow().relayState());
    }

    @Test
    void passesWithoutRelayStateAndEchoesNothing() {
        AuthnRequestCheck check = check(null);
        passes(rule, check);
        assertEquals(Optional.empty(), check.echoedRelayState());
    }

    @Test
    void rejectsRelayStateOf81BytesAsRequesterAndDoesNotEchoIt() {
        RequestRejected thrown = rejected(rule, check("r".repeat(81)));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
        assertNoRelayStateEchoed(thrown);
        assertReasonMentions(thrown, "81 bytes");
        assertReasonMentions(thrown, "80");
    }

    @Test
    void countsBytesNotCharacters() {
        // 41 two-byte characters: 41 characters, 82 bytes in UTF-8.
        RequestRejected thrown = rejected(rule, check("č".repeat(41)));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
        assertNoRelayStateEchoed(thrown);
    }
}
