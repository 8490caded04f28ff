package si.bankart.prehod.logout.rule;

import static si.bankart.prehod.logout.SloFixtures.post;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertReasonMentions;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.established;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.passes;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.rejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.request;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.SessionIndex;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.logout.TestLogoutRequests;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.xml.SamlObjects;

class SessionIndexIsTheOneIssuedTest {

    private final SessionIndexIsTheOneIssued rule = new SessionIndexIsTheOneIssued();

    /** As it stands after NameIdIsTheOneIssued passed. */
    private static LogoutRequestCheck afterNameId(TestLogoutRequests request, SsoSession session) {
        LogoutRequestCheck check = established(post(request.build()), session);
        check.spSession(session.serviceProvider(SloFixtures.SP.id()).orElseThrow());
        return check;
    }

    private static LogoutRequestCheck afterNameId(TestLogoutRequests request) {
        return afterNameId(request, SloFixtures.session());
    }

    private static SessionIndex index(String value) {
        SessionIndex index = SamlObjects.build(SessionIndex.DEFAULT_ELEMENT_NAME);
        index.setValue(value);
        return index;
    }

    @Test
    void checkWhenSessionIndexIsTheOneIssuedThenPasses() {
        passes(rule, afterNameId(request()));
    }

    @Test
    void checkWhenSessionIndexIsAnotherSpsThenRequestDenied() {
        String otherSps = SloFixtures.spSession(SloFixtures.OTHER_SP).sessionIndex();
        var thrown = rejected(rule, afterNameId(request().with(r -> r.getSessionIndexes().get(0).setValue(otherSps))));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "not the one issued");
    }

    @Test
    void checkWhenSessionIndexIsFromAnEarlierSessionThenRequestDenied() {
        assertRejected(rejected(rule, afterNameId(request().with(r -> r.getSessionIndexes().get(0).setValue("_si-old")))),
                SamlStatus.REQUESTER_REQUEST_DENIED);
    }

    @Test
    void checkWhenTheIssuedIndexComesWithAForeignOneThenRequestDenied() {
        assertRejected(rejected(rule, afterNameId(request().with(r -> r.getSessionIndexes().add(index("_si-slo-other"))))),
                SamlStatus.REQUESTER_REQUEST_DENIED);
    }

    @Test
    void checkWhenNoSessionIndexIsNamedThenRequestDenied() {
        var thrown = rejected(rule, afterNameId(request().with(r -> r.getSessionIndexes().clear())));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "no SessionIndex");
    }
}
