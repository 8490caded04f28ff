package si.bankart.prehod.request.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.established;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.post;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.NameIDPolicy;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.xml.SamlObjects;

class NameIdPolicyIsSupportedTest {

    private final NameIdPolicyIsSupported rule = new NameIdPolicyIsSupported();

    private static final RegisteredSp PERSISTENT_SP = SP.registered();
    private static final RegisteredSp EMAIL_SP = TestPolicy.of(SP).nameIdFormat(NameIdFormat.EMAIL).registered();

    private static AuthnRequestCheck check(RegisteredSp sp, String format, String spNameQualifier) {
        return established(sp, post(request().with(r -> {
            NameIDPolicy policy = SamlObjects.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
            policy.setFormat(format);
            policy.setSPNameQualifier(spNameQualifier);
            policy.setAllowCreate(true);
            r.setNameIDPolicy(policy);
        }).build()));
    }

    @Test
    void givesTheSpsConfiguredFormatWhenNameIdPolicyIsAbsent() {
        AuthnRequestCheck check = established(EMAIL_SP, post(request().build()));
        passes(rule, check);
        assertEquals(NameIdFormat.EMAIL, check.nameIdFormat());
    }

    @Test
    void givesTheSpsConfiguredFormatWhenNameIdPolicyHasNoFormat() {
        AuthnRequestCheck check = check(EMAIL_SP, null, null);
        passes(rule, check);
        assertEquals(NameIdFormat.EMAIL, check.nameIdFormat());
    }

    @Test
    void givesTheSpsConfiguredFormatWhenFormatIsUnspecified() {
        AuthnRequestCheck check = check(EMAIL_SP, NameIdFormat.UNSPECIFIED.uri(), null);
        passes(rule, check);
        assertEquals(NameIdFormat.EMAIL, check.nameIdFormat());
    }

    @Test
    void passesPersistentWhenTheSpIsConfiguredPersistent() {
        AuthnRequestCheck check = check(PERSISTENT_SP, NameIdFormat.PERSISTENT.uri(), null);
        passes(rule, check);
        assertEquals(NameIdFormat.PERSISTENT, check.nameIdFormat());
    }

    @Test
    void passesSpNameQualifierThatIsTheSpItself() {
        AuthnRequestCheck check = check(PERSISTENT_SP, NameIdFormat.PERSISTENT.uri(), SP.entityId());
        passes(rule, check);
        assertEquals(NameIdFormat.PERSISTENT, check.nameIdFormat());
    }

    @Test
    void rejectsTransientWhenTheSpIsConfiguredPersistentAsInvalidNameIdPolicy() {
        RequestRejected thrown = rejected(rule, check(PERSISTENT_SP, NameIdFormat.TRANSIENT.uri(), null));
        assertRejected(thrown, SamlStatus.REQUESTER_INVALID_NAMEID_POLICY, SP.acsUrl());
    }

    @Test
    void rejectsUnknownFormatAsInvalidNameIdPolicy() {
        RequestRejected thrown = rejected(rule, check(PERSISTENT_SP,
                "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName", null));
        assertRejected(thrown, SamlStatus.REQUESTER_INVALID_NAMEID_POLICY, SP.acsUrl());
    }

    @Test
    void rejectsSpNameQualifierOfAnotherSpAsInvalidNameIdPolicy() {
        RequestRejected thrown = rejected(rule, check(PERSISTENT_SP, NameIdFormat.PERSISTENT.uri(),
                TestServiceProvider.named("affiliate").entityId()));
        assertRejected(thrown, SamlStatus.REQUESTER_INVALID_NAMEID_POLICY, SP.acsUrl());
    }

    @Test
    void rejectsSpNameQualifierOfAnotherSpEvenWithoutFormat() {
        RequestRejected thrown = rejected(rule, check(PERSISTENT_SP, null,
                TestServiceProvider.named("affiliate").entityId()));
        assertRejected(thrown, SamlStatus.REQUESTER_INVALID_NAMEID_POLICY, SP.acsUrl());
    }
}
