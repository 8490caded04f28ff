package si.bankart.prehod.protocol.rule;

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

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.NameIDType;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.logout.TestLogoutRequests;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.testing.TestServiceProvider;

class IssuerIsKnownSpOnLogoutRequestTest {

    private final RequestRule<? super LogoutRequestCheck> rule = shared(new IssuerIsKnownSp(new ServiceProviderRegistry(
            List.of(SloFixtures.registeredSp().metadata()), List.of(SloFixtures.SP.policy()))));

    @Test
    void checkWhenIssuerIsARegisteredSpThenPassesAndEstablishesTheSp() {
        LogoutRequestCheck check = fresh(post(request().build()));
        passes(rule, check);
        org.junit.jupiter.api.Assertions.assertEquals(SloFixtures.SP.id(), check.sp().entityId());
    }

    @Test
    void checkWhenIssuerHasEntityFormatThenPasses() {
        passes(rule, fresh(post(request().with(r -> r.getIssuer().setFormat(NameIDType.ENTITY)).build())));
    }

    @Test
    void checkWhenIssuerIsUnknownThenRequestDeniedWithoutReply() {
        TestServiceProvider stranger = TestServiceProvider.named("slo-stranger");
        RequestRejected thrown = rejected(rule, fresh(post(TestLogoutRequests.valid(stranger).build())));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
    }

    @Test
    void checkWhenIssuerIsMissingThenRequesterWithoutReply() {
        RequestRejected thrown = rejected(rule, fresh(post(request().with(r -> r.setIssuer(null)).build())));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER);
        assertReasonMentions(thrown, "no Issuer");
    }

    @Test
    void checkWhenIssuerFormatIsNotEntityThenRequesterWithoutReply() {
        RequestRejected thrown = rejected(rule, fresh(post(request()
                .with(r -> r.getIssuer().setFormat(NameIDType.PERSISTENT)).build())));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER);
    }

    /** The rule shared with AuthnRequests, as the logout validator runs it. */
    private static RequestRule<? super LogoutRequestCheck> shared(IssuerIsKnownSp rule) {
        return rule;
    }
}
