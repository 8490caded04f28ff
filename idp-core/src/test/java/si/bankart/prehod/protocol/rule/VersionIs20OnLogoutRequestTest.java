package si.bankart.prehod.protocol.rule;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.RequestRule;

import static si.bankart.prehod.logout.SloFixtures.post;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertReasonMentions;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejectedWithoutReply;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.established;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.fresh;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.passes;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.rejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.request;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;

import si.bankart.prehod.protocol.SamlStatus;

class VersionIs20OnLogoutRequestTest {

    private final RequestRule<? super LogoutRequestCheck> rule = shared(new VersionIs20());

    @Test
    void checkWhenVersionIs20ThenPasses() {
        passes(rule, established(post(request().build())));
    }

    @Test
    void checkWhenVersionIs11ThenVersionMismatchTooLow() {
        assertRejected(rejected(rule, established(post(request().with(r -> r.setVersion(SAMLVersion.VERSION_11)).build()))),
                SamlStatus.VERSION_MISMATCH_TOO_LOW);
    }

    @Test
    void checkWhenVersionIs30ThenVersionMismatchTooHigh() {
        assertRejected(rejected(rule, established(post(request().with(r -> r.setVersion(SAMLVersion.valueOf(3, 0))).build()))),
                SamlStatus.VERSION_MISMATCH_TOO_HIGH);
    }

    @Test
    void checkWhenVersionIsMissingThenRequester() {
        assertRejected(rejected(rule, established(post(request().with(r -> r.setVersion(null)).build()))),
                SamlStatus.REQUESTER);
    }

    /** The rule shared with AuthnRequests, as the logout validator runs it. */
    private static RequestRule<? super LogoutRequestCheck> shared(VersionIs20 rule) {
        return rule;
    }
}
