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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.protocol.SamlStatus;

class IssueInstantIsFreshOnLogoutRequestTest {

    private final RequestRule<? super LogoutRequestCheck> rule = shared(new IssueInstantIsFresh(SloFixtures.CLOCK, SloFixtures.SKEW,
            SloFixtures.MAX_AGE));

    @Test
    void checkWhenIssuedNowThenPasses() {
        passes(rule, established(post(request().build())));
    }

    @Test
    void checkWhenIssuedWithinSkewInTheFutureThenPasses() {
        passes(rule, established(post(request().issuedAt(SloFixtures.NOW.plus(Duration.ofMinutes(2))).build())));
    }

    @Test
    void checkWhenIssuedBeyondSkewInTheFutureThenRequestDenied() {
        assertRejected(rejected(rule, established(post(request().issuedAt(SloFixtures.NOW.plus(Duration.ofMinutes(4)))
                .build()))), SamlStatus.REQUESTER_REQUEST_DENIED);
    }

    @Test
    void checkWhenOlderThanMaxAgePlusSkewThenRequestDenied() {
        var thrown = rejected(rule, established(post(request().issuedAt(SloFixtures.NOW.minus(Duration.ofMinutes(9)))
                .build())));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "older than");
    }

    @Test
    void checkWhenIssueInstantIsMissingThenRequester() {
        assertRejected(rejected(rule, established(post(request().with(r -> r.setIssueInstant(null)).build()))),
                SamlStatus.REQUESTER);
    }

    /** The rule shared with AuthnRequests, as the logout validator runs it. */
    private static RequestRule<? super LogoutRequestCheck> shared(IssueInstantIsFresh rule) {
        return rule;
    }
}
