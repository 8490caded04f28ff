package si.bankart.prehod.logout.rule;

import static si.bankart.prehod.logout.SloFixtures.post;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertReasonMentions;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejectedWithoutReply;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.established;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.fresh;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.passes;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.rejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.request;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.protocol.SamlStatus;

class NotOnOrAfterHasNotPassedTest {

    private final NotOnOrAfterHasNotPassed rule = new NotOnOrAfterHasNotPassed(SloFixtures.CLOCK, SloFixtures.SKEW);

    @Test
    void checkWhenNotOnOrAfterIsAbsentThenPasses() {
        passes(rule, established(post(request().build())));
    }

    @Test
    void checkWhenNotOnOrAfterIsAheadThenPasses() {
        passes(rule, established(post(request().with(r -> r.setNotOnOrAfter(SloFixtures.NOW.plus(Duration.ofMinutes(1))))
                .build())));
    }

    @Test
    void checkWhenNotOnOrAfterPassedWithinSkewThenPasses() {
        passes(rule, established(post(request().with(r -> r.setNotOnOrAfter(SloFixtures.NOW.minus(Duration.ofMinutes(2))))
                .build())));
    }

    @Test
    void checkWhenNotOnOrAfterPassedBeyondSkewThenRequestDenied() {
        var thrown = rejected(rule, established(post(request()
                .with(r -> r.setNotOnOrAfter(SloFixtures.NOW.minus(Duration.ofMinutes(3)))).build())));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "expired");
    }
}
