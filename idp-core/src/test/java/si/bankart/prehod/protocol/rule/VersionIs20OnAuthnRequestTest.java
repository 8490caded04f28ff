package si.bankart.prehod.protocol.rule;

import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.established;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;

import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

class VersionIs20OnAuthnRequestTest {

    private final VersionIs20 rule = new VersionIs20();

    @Test
    void passesVersion20() {
        passes(rule, established(request().build()));
    }

    @Test
    void rejectsVersion11AsVersionMismatchTooLow() {
        RequestRejected thrown = rejected(rule, established(request().with(r -> r.setVersion(SAMLVersion.VERSION_11)).build()));
        assertRejected(thrown, SamlStatus.VERSION_MISMATCH_TOO_LOW, SP.acsUrl());
    }

    @Test
    void rejectsVersion30AsVersionMismatchTooHigh() {
        RequestRejected thrown = rejected(rule, established(
                request().with(r -> r.setVersion(SAMLVersion.valueOf(3, 0))).build()));
        assertRejected(thrown, SamlStatus.VERSION_MISMATCH_TOO_HIGH, SP.acsUrl());
    }

    @Test
    void rejectsVersion21AsVersionMismatchTooHigh() {
        RequestRejected thrown = rejected(rule, established(
                request().with(r -> r.setVersion(SAMLVersion.valueOf(2, 1))).build()));
        assertRejected(thrown, SamlStatus.VERSION_MISMATCH_TOO_HIGH, SP.acsUrl());
    }

    @Test
    void rejectsMissingVersionAsRequester() {
        RequestRejected thrown = rejected(rule, established(request().with(r -> r.setVersion(null)).build()));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
    }
}
