package si.bankart.prehod.protocol.rule;

import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertReasonMentions;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.established;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.redirect;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

class DestinationIsThisEndpointOnAuthnRequestTest {

    private final DestinationIsThisEndpoint rule = new DestinationIsThisEndpoint();

    @Test
    void passesDestinationEqualToTheEndpointItArrivedAt() {
        passes(rule, established(request().build()));
    }

    @Test
    void rejectsMissingDestinationAsRequester() {
        RequestRejected thrown = rejected(rule, established(request().with(r -> r.setDestination(null)).build()));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
        assertReasonMentions(thrown, "no Destination");
    }

    @Test
    void rejectsDestinationOfAnotherIdpAsRequester() {
        RequestRejected thrown = rejected(rule, established(
                request().with(r -> r.setDestination("https://other-idp.test/sso")).build()));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
        assertReasonMentions(thrown, "not this endpoint");
    }

    @Test
    void rejectsDestinationOfOurOtherBindingEndpointAsRequester() {
        // Addressed to the POST endpoint, but arrived over Redirect.
        RequestRejected thrown = rejected(rule, established(redirect(request().build(), null, null)));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
    }
}
