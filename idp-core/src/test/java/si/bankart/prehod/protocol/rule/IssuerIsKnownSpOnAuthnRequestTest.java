package si.bankart.prehod.protocol.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertReasonMentions;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejectedWithoutReply;
import static si.bankart.prehod.request.rule.RuleCheck.fresh;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.post;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.NameIDType;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.testing.TestServiceProvider;

class IssuerIsKnownSpOnAuthnRequestTest {

    private final IssuerIsKnownSp rule = new IssuerIsKnownSp(
            new ServiceProviderRegistry(List.of(SP.metadata()), List.of(SP.policy())));

    @Test
    void acceptsRegisteredIssuerAndEstablishesTheSp() {
        AuthnRequestCheck check = fresh(post(request().build()));
        passes(rule, check);
        assertEquals(SP.id(), check.sp().entityId());
    }

    @Test
    void acceptsIssuerWithExplicitEntityFormat() {
        AuthnRequestCheck check = fresh(post(request().with(r -> r.getIssuer().setFormat(NameIDType.ENTITY)).build()));
        passes(rule, check);
        assertEquals(SP.id(), check.sp().entityId());
    }

    @Test
    void rejectsUnknownIssuerWithoutReply() {
        RequestRejected thrown = rejected(rule, fresh(post(
                request().with(r -> r.getIssuer().setValue(TestServiceProvider.named("stranger").entityId())).build())));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "not a registered SP");
    }

    /** Longer than an entityID may be (metadata §2.2.1): as unknown as any other, with the same status as before. */
    @Test
    void rejectsIssuerLongerThan1024CharactersAsUnknownWithoutReply() {
        RequestRejected thrown = rejected(rule, fresh(post(
                request().with(r -> r.getIssuer().setValue("https://sp.test/" + "a".repeat(1024))).build())));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "not a registered SP");
    }

    @Test
    void acceptsRegisteredIssuerWithSurroundingWhitespaceAsBefore() {
        AuthnRequestCheck check = fresh(post(request().with(r -> r.getIssuer().setValue(" " + SP.entityId() + "\n")).build()));
        passes(rule, check);
        assertEquals(SP.id(), check.sp().entityId());
    }

    @Test
    void rejectsMissingIssuerWithoutReply() {
        RequestRejected thrown = rejected(rule, fresh(post(request().with(r -> r.setIssuer(null)).build())));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER);
        assertReasonMentions(thrown, "no Issuer");
    }

    @Test
    void rejectsBlankIssuerWithoutReply() {
        RequestRejected thrown = rejected(rule, fresh(post(request().with(r -> r.getIssuer().setValue("  ")).build())));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER);
    }

    @Test
    void rejectsIssuerWithNonEntityFormatWithoutReply() {
        RequestRejected thrown = rejected(rule, fresh(post(
                request().with(r -> r.getIssuer().setFormat(NameIDType.PERSISTENT)).build())));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER);
        assertReasonMentions(thrown, "not entity");
    }
}
