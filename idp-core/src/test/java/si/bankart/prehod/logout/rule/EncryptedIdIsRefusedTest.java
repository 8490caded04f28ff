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

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.EncryptedID;

import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.xml.SamlObjects;

class EncryptedIdIsRefusedTest {

    private final EncryptedIdIsRefused rule = new EncryptedIdIsRefused();

    @Test
    void checkWhenNameIdIsInTheClearThenPasses() {
        passes(rule, established(post(request().build())));
    }

    @Test
    void checkWhenRequestCarriesEncryptedIdThenRequestUnsupported() {
        var thrown = rejected(rule, established(post(request().with(r -> {
            r.setNameID(null);
            r.setEncryptedID(SamlObjects.<EncryptedID>build(EncryptedID.DEFAULT_ELEMENT_NAME));
        }).build())));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_UNSUPPORTED);
        assertReasonMentions(thrown, "EncryptedID");
    }
}
