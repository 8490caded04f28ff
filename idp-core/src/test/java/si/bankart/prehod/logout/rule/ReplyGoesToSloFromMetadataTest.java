package si.bankart.prehod.logout.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.logout.SloFixtures.post;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertReasonMentions;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejectedWithoutReply;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.established;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.fresh;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.passes;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.rejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.request;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.RegisteredSp;

class ReplyGoesToSloFromMetadataTest {

    private final ReplyGoesToSloFromMetadata rule = new ReplyGoesToSloFromMetadata();

    private static LogoutRequestCheck withSp(RegisteredSp sp, si.bankart.prehod.logout.IncomingLogoutRequest incoming) {
        LogoutRequestCheck check = new LogoutRequestCheck(incoming, Optional.of(SloFixtures.session()));
        check.sp(sp);
        return check;
    }

    @Test
    void checkWhenRequestCameOverPostThenReplyGoesToThePostSlo() {
        LogoutRequestCheck check = withSp(SloFixtures.registeredSp(), post(request().build()));
        passes(rule, check);
        assertEquals(SloFixtures.postSlo(SloFixtures.SP).location(), check.reply().orElseThrow().location());
        assertEquals(Optional.empty(), check.reply().orElseThrow().relayState(), "RelayState is echoed only once its length passed");
    }

    @Test
    void checkWhenRequestCameOverRedirectThenReplyGoesToTheRedirectSlo() {
        LogoutRequestCheck check = withSp(SloFixtures.registeredSp(), SloFixtures.redirect(request().build(), null));
        passes(rule, check);
        assertEquals(SloFixtures.redirectSlo(SloFixtures.SP).location(), check.reply().orElseThrow().location());
    }

    @Test
    void checkWhenSpHasOnlyOtherFrontChannelBindingThenReplyUsesIt() {
        RegisteredSp sp = SloFixtures.registered(SloFixtures.SP, SloFixtures.redirectSlo(SloFixtures.SP));
        LogoutRequestCheck check = withSp(sp, post(request().build()));
        passes(rule, check);
        assertEquals(SloFixtures.REDIRECT, check.reply().orElseThrow().binding());
    }

    @Test
    void checkWhenSpHasNoFrontChannelSloThenRequestDeniedWithoutReply() {
        RegisteredSp sp = SloFixtures.registered(SloFixtures.SP, SloFixtures.soapSlo(SloFixtures.SP));
        RequestRejected thrown = rejected(rule, withSp(sp, post(request().build())));
        assertRejectedWithoutReply(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "SingleLogoutService");
    }

    @Test
    void checkWhenSpHasNoSloAtAllThenRequestDeniedWithoutReply() {
        RegisteredSp sp = SloFixtures.registered(SloFixtures.SP);
        assertRejectedWithoutReply(rejected(rule, withSp(sp, post(request().build()))), SamlStatus.REQUESTER_REQUEST_DENIED);
    }
}
