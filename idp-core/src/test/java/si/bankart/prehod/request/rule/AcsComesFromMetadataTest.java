package si.bankart.prehod.request.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertReasonMentions;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejectedWithoutReply;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.post;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;
import static si.bankart.prehod.request.rule.RuleCheck.withSp;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

class AcsComesFromMetadataTest {

    private final AcsComesFromMetadata rule = new AcsComesFromMetadata();

    private static AuthnRequestCheck check(Consumer<AuthnRequest> change) {
        return withSp(SP.registered(), post(request().with(change).build()));
    }

    @Test
    void choosesDefaultAcsWhenNeitherIndexNorUrlIsGiven() {
        AuthnRequestCheck check = check(r -> { });
        passes(rule, check);
        assertEquals(SP.acsUrl(), check.acs().location());
    }

    @Test
    void choosesAcsByIndexFromMetadata() {
        AuthnRequestCheck check = check(r -> r.setAssertionConsumerServiceIndex(1));
        passes(rule, check);
        assertEquals(SP.secondAcsUrl(), check.acs().location());
    }

    @Test
    void choosesAcsByExactUrlFromMetadata() {
        AuthnRequestCheck check = check(r -> r.setAssertionConsumerServiceURL(SP.secondAcsUrl()));
        passes(rule, check);
        assertEquals(SP.secondAcsUrl(), check.acs().location());
    }

    @Test
    void acceptsExplicitPostProtocolBinding() {
        AuthnRequestCheck check = check(r -> r.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI));
        passes(rule, check);
        assertEquals(SP.acsUrl(), check.acs().location());
    }

    @Test
    void rejectsUrlNotInMetadataWithoutReply() {
        RequestRejected thrown = rejected(rule, check(r -> r.setAssertionConsumerServiceURL("https://evil.test/acs")));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER);
        assertReasonMentions(thrown, "not in the SP's metadata");
    }

    @Test
    void rejectsUrlThatOnlyDiffersByCaseWithoutReply() {
        RequestRejected thrown = rejected(rule, check(
                r -> r.setAssertionConsumerServiceURL(SP.secondAcsUrl().toUpperCase(java.util.Locale.ROOT))));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER);
    }

    @Test
    void rejectsUrlWithExtraPathWithoutReply() {
        RequestRejected thrown = rejected(rule, check(r -> r.setAssertionConsumerServiceURL(SP.acsUrl() + "/../evil")));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER);
    }

    @Test
    void rejectsUrlOfNonPostEndpointWithoutReply() {
        RequestRejected thrown = rejected(rule, check(r -> r.setAssertionConsumerServiceURL(SP.acsUrl() + "-artifact")));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER);
    }

    @Test
    void rejectsIndexNotInMetadataAsRequesterToDefaultAcs() {
        RequestRejected thrown = rejected(rule, check(r -> r.setAssertionConsumerServiceIndex(7)));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
        assertReasonMentions(thrown, "7");
    }

    @Test
    void rejectsIndexOfNonPostEndpointAsRequesterToDefaultAcs() {
        RequestRejected thrown = rejected(rule, check(r -> r.setAssertionConsumerServiceIndex(2)));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
    }

    @Test
    void rejectsBothIndexAndUrlAsRequesterToDefaultAcs() {
        RequestRejected thrown = rejected(rule, check(r -> {
            r.setAssertionConsumerServiceIndex(1);
            r.setAssertionConsumerServiceURL(SP.secondAcsUrl());
        }));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
        assertReasonMentions(thrown, "mutually exclusive");
    }

    @Test
    void rejectsArtifactProtocolBindingAsUnsupportedBindingToChosenAcs() {
        RequestRejected thrown = rejected(rule, check(r -> {
            r.setAssertionConsumerServiceIndex(1);
            r.setProtocolBinding(SAMLConstants.SAML2_ARTIFACT_BINDING_URI);
        }));
        assertRejected(thrown, SamlStatus.REQUESTER_UNSUPPORTED_BINDING, SP.secondAcsUrl());
    }
}
