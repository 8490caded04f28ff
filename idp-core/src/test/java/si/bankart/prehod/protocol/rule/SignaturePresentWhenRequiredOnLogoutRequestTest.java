package si.bankart.prehod.protocol.rule;

import static si.bankart.prehod.logout.SloFixtures.post;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertReasonMentions;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.established;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.passes;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.rejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.request;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.logout.IncomingLogoutRequest;
import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.logout.TestLogoutRequests;
import si.bankart.prehod.protocol.signature.QuerySignature;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestServiceProvider;

class SignaturePresentWhenRequiredOnLogoutRequestTest {

    private static final TestServiceProvider SP = SloFixtures.SP;
    private static final BasicX509Credential OTHER_KEY = TestCredentials.named("not-the-sp");
    /** AuthnRequestsSigned="true" in its metadata: its logout messages must be signed too. */
    private static final RegisteredSp SIGNING_SP = SloFixtures.registered(SP.requiringSignedRequests(),
            SloFixtures.redirectSlo(SP), SloFixtures.postSlo(SP));

    private final SignaturePresentWhenRequired rule = new SignaturePresentWhenRequired(SloFixtures.signaturePolicy(false));

    private static LogoutRequestCheck check(RegisteredSp sp, IncomingLogoutRequest incoming) {
        return established(sp, incoming, Optional.of(SloFixtures.session()));
    }

    private static TestLogoutRequests redirectRequest() {
        return TestLogoutRequests.valid(SP, SloFixtures.REDIRECT_SLO);
    }

    @Test
    void checkWhenSignedPostFromSpThatRequiresSignaturesThenPasses() {
        passes(rule, check(SIGNING_SP, post(request().signed())));
    }

    @Test
    void checkWhenSignedRedirectQueryThenPasses() {
        TestLogoutRequests request = redirectRequest();
        passes(rule, check(SIGNING_SP, SloFixtures.redirect(request.build(), request.querySignature("rs-1"))));
    }

    @Test
    void checkWhenUnsignedAndNotRequiredThenPasses() {
        passes(rule, check(SloFixtures.registeredSp(), post(request().received())));
    }

    @Test
    void checkWhenUnsignedPostAndMetadataRequiresSignaturesThenRequestDenied() {
        var thrown = rejected(rule, check(SIGNING_SP, post(request().received())));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "must be signed");
    }

    @Test
    void checkWhenUnsignedRedirectAndPolicyRequiresSignaturesThenRequestDenied() {
        RegisteredSp sp = SloFixtures.registered(SP, TestPolicy.of(SP).requireSignedRequests(true).build(),
                SloFixtures.redirectSlo(SP));
        var thrown = rejected(rule, check(sp, SloFixtures.redirect(redirectRequest().build(), null)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SloFixtures.redirectSlo(SP).location());
    }

    @Test
    void checkWhenUnsignedAndIdpRequiresSignaturesThenRequestDenied() {
        SignaturePresentWhenRequired strict = new SignaturePresentWhenRequired(SloFixtures.signaturePolicy(true));
        assertRejected(rejected(strict, check(SloFixtures.registeredSp(), post(request().received()))),
                SamlStatus.REQUESTER_REQUEST_DENIED);
    }

    @Test
    void checkWhenPostSignedByAnotherKeyThenRequestDeniedEvenIfNotRequired() {
        LogoutRequest forged = request().signed(OTHER_KEY, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                SignatureConstants.ALGO_ID_DIGEST_SHA256);
        var thrown = rejected(rule, check(SloFixtures.registeredSp(), post(forged)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "does not verify");
    }

    @Test
    void checkWhenPostSignedWithRsaSha1ThenRequestDenied() {
        LogoutRequest sha1 = request().signed(SP.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
                SignatureConstants.ALGO_ID_DIGEST_SHA256);
        var thrown = rejected(rule, check(SIGNING_SP, post(sha1)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "signature algorithm");
    }

    @Test
    void checkWhenPostDigestIsSha1ThenRequestDenied() {
        LogoutRequest sha1 = request().signed(SP.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                SignatureConstants.ALGO_ID_DIGEST_SHA1);
        assertReasonMentions(rejected(rule, check(SIGNING_SP, post(sha1))), "digest algorithm");
    }

    @Test
    void checkWhenRedirectQuerySignedWithRsaSha1ThenRequestDenied() {
        TestLogoutRequests request = redirectRequest();
        QuerySignature sha1 = request.querySignature("rs-1", SP.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1);
        var thrown = rejected(rule, check(SIGNING_SP, SloFixtures.redirect(request.build(), sha1)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SloFixtures.redirectSlo(SP).location());
        assertReasonMentions(thrown, "is not allowed");
    }

    @Test
    void checkWhenRedirectQueryWasTamperedThenRequestDenied() {
        TestLogoutRequests request = redirectRequest();
        QuerySignature genuine = request.querySignature("rs-1");
        byte[] tampered = new String(genuine.signedContent(), StandardCharsets.UTF_8).replace("RelayState=rs-1",
                "RelayState=rs-2").getBytes(StandardCharsets.UTF_8);
        var thrown = rejected(rule, check(SIGNING_SP, SloFixtures.redirect(request.build(),
                new QuerySignature(genuine.sigAlg(), genuine.signature(), tampered))));
        assertReasonMentions(thrown, "does not verify");
    }

    @Test
    void checkWhenRedirectRequestAlsoCarriesXmlSignatureThenRequestDenied() {
        TestLogoutRequests request = redirectRequest();
        var thrown = rejected(rule, check(SIGNING_SP, SloFixtures.redirect(request.signed(), request.querySignature("rs-1"))));
        assertReasonMentions(thrown, "carries an XML signature");
    }
}
