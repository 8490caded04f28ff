package si.bankart.prehod.logout.rule;

import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.logout.SloFixtures.post;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertReasonMentions;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.established;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.passes;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.rejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.request;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.NameIdFormat;

class NameIdIsTheOneIssuedTest {

    private final NameIdIsTheOneIssued rule = new NameIdIsTheOneIssued(EntityId.of(SloFixtures.IDP));

    @Test
    void checkWhenNameIdIsTheOneIssuedToTheSpThenPassesAndEstablishesItsSpSession() {
        LogoutRequestCheck check = established(post(request().build()));
        passes(rule, check);
        assertEquals(SloFixtures.spSession(SloFixtures.SP), check.spSession());
    }

    @Test
    void checkWhenQualifiersNameUsAndTheSpThenPasses() {
        passes(rule, established(post(request().with(r -> {
            r.getNameID().setNameQualifier(SloFixtures.IDP);
            r.getNameID().setSPNameQualifier(SloFixtures.SP.entityId());
        }).build())));
    }

    @Test
    void checkWhenNameIdBelongsToAnotherUserThenUnknownPrincipal() {
        var thrown = rejected(rule, established(post(request().with(r -> r.getNameID().setValue("nid-of-bojan")).build())));
        assertRejected(thrown, SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL);
        assertReasonMentions(thrown, "NameID is not the one issued");
    }

    @Test
    void checkWhenNameIdIsTheOneIssuedToAnotherSpThenUnknownPrincipal() {
        String otherSpsNameId = SloFixtures.spSession(SloFixtures.OTHER_SP).nameId();
        assertRejected(rejected(rule, established(post(request().with(r -> r.getNameID().setValue(otherSpsNameId)).build()))),
                SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL);
    }

    @Test
    void checkWhenSpHasNoPartInTheSessionThenUnknownPrincipal() {
        SsoSession withoutSp = SloFixtures.session(SloFixtures.spSession(SloFixtures.OTHER_SP));
        var thrown = rejected(rule, established(post(request().build()), withoutSp));
        assertRejected(thrown, SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL);
        assertReasonMentions(thrown, "no part in this session");
    }

    @Test
    void checkWhenBrowserHasNoSessionThenUnknownPrincipal() {
        var thrown = rejected(rule, established(SloFixtures.registeredSp(), post(request().build()), Optional.empty()));
        assertRejected(thrown, SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL);
        assertReasonMentions(thrown, "no SSO session");
    }

    @Test
    void checkWhenFormatDiffersFromTheIssuedOneThenUnknownPrincipal() {
        assertRejected(rejected(rule, established(post(request().with(r -> r.getNameID()
                .setFormat(NameIdFormat.TRANSIENT.uri())).build()))), SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL);
    }

    @Test
    void checkWhenSpNameQualifierNamesAnotherSpThenUnknownPrincipal() {
        assertRejected(rejected(rule, established(post(request().with(r -> r.getNameID()
                .setSPNameQualifier(SloFixtures.OTHER_SP.entityId())).build()))), SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL);
    }

    @Test
    void checkWhenNameQualifierNamesAnotherIdpThenUnknownPrincipal() {
        assertRejected(rejected(rule, established(post(request().with(r -> r.getNameID()
                .setNameQualifier("https://other-idp.test")).build()))), SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL);
    }

    @Test
    void checkWhenNameIdIsMissingThenRequester() {
        assertRejected(rejected(rule, established(post(request().with(r -> r.setNameID(null)).build()))),
                SamlStatus.REQUESTER);
    }

    @Test
    void checkWhenSameUserHasAnotherSessionThenTheOtherSessionsValuesDoNotMatch() {
        SsoSession later = SloFixtures.session(new SpSession(SloFixtures.SP.id(), "_si-later", "nid-slo",
                NameIdFormat.PERSISTENT));
        // A persistent NameID is the same in both sessions; the SessionIndex rule tells them apart.
        passes(rule, established(post(request().build()), later));
    }
}
