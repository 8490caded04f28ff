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

import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.logout.TestLogoutRequests;
import si.bankart.prehod.protocol.SamlStatus;

class DestinationIsThisEndpointOnLogoutRequestTest {

    private final RequestRule<? super LogoutRequestCheck> rule = shared(new DestinationIsThisEndpoint());

    @Test
    void checkWhenDestinationIsTheEndpointItArrivedAtThenPasses() {
        passes(rule, established(post(request().build())));
        passes(rule, established(SloFixtures.redirect(
                TestLogoutRequests.valid(SloFixtures.SP, SloFixtures.REDIRECT_SLO).build(), null)));
    }

    @Test
    void checkWhenDestinationIsOurOtherBindingsEndpointThenRequester() {
        RequestRejected thrown = rejected(rule, established(post(
                TestLogoutRequests.valid(SloFixtures.SP, SloFixtures.REDIRECT_SLO).build())));
        assertRejected(thrown, SamlStatus.REQUESTER);
        assertReasonMentions(thrown, "not this endpoint");
    }

    @Test
    void checkWhenDestinationIsAnotherIdpThenRequester() {
        assertRejected(rejected(rule, established(post(TestLogoutRequests.valid(SloFixtures.SP,
                "https://other-idp.test/slo").build()))), SamlStatus.REQUESTER);
    }

    @Test
    void checkWhenDestinationIsMissingThenRequester() {
        RequestRejected thrown = rejected(rule, established(post(request().with(r -> r.setDestination(null)).build())));
        assertRejected(thrown, SamlStatus.REQUESTER);
        assertReasonMentions(thrown, "no Destination");
    }

    /** The rule shared with AuthnRequests, as the logout validator runs it. */
    private static RequestRule<? super LogoutRequestCheck> shared(DestinationIsThisEndpoint rule) {
        return rule;
    }
}
