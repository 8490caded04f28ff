package si.bankart.prehod.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.logout.SloFixtures.NOW;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.protocol.signature.QuerySignature;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.testing.TestXmlSignatures;

class LogoutResponseCheckTest {

    /** Its metadata says AuthnRequestsSigned: its LogoutResponses must be signed too. */
    private static final TestServiceProvider SIGNING = TestServiceProvider.named("slo-answers").requiringSignedRequests();
    private static final TestServiceProvider RELAXED = SloFixtures.OTHER_SP;
    private static final String REQUEST_ID = "_we-asked";

    private final LogoutResponseCheck check = new LogoutResponseCheck(new ServiceProviderRegistry(
            List.of(SloFixtures.metadata(SIGNING, SloFixtures.postSlo(SIGNING)),
                    SloFixtures.metadata(RELAXED, SloFixtures.redirectSlo(RELAXED))),
            List.of(SIGNING.policy(), RELAXED.policy())),
            SloFixtures.signaturePolicy(false), SloFixtures.CLOCK, SloFixtures.SKEW, SloFixtures.MAX_AGE);

    /** What we sent to {@code sp} and now wait for. */
    private static SpLogout asked(TestServiceProvider sp) {
        return new SpLogout(sp.entityId(), SloFixtures.POST, sp.entityId() + "/slo/post", "nid", null, "_si",
                REQUEST_ID, NOW.plusSeconds(30), LogoutResult.PENDING);
    }

    private static IncomingLogoutResponse post(LogoutResponse response) {
        return new IncomingLogoutResponse(response, SloFixtures.POST, SloFixtures.POST_SLO, Optional.empty());
    }

    private LogoutResponseRejected refused(IncomingLogoutResponse incoming, SpLogout expected) {
        return assertThrows(LogoutResponseRejected.class, () -> check.check(incoming, expected));
    }

    private static void assertReasonMentions(LogoutResponseRejected thrown, String text) {
        assertTrue(thrown.reason().contains(text), () -> "reason '" + thrown.reason() + "' should mention '" + text + "'");
    }

    @Test
    void checkWhenSignedSuccessAnswersOurRequestThenLoggedOut() throws Exception {
        assertEquals(LogoutResult.LOGGED_OUT, check.check(post(TestLogoutResponses.valid(SIGNING, REQUEST_ID).signed()),
                asked(SIGNING)));
    }

    @Test
    void checkWhenSpAnswersWithAnErrorStatusThenFailed() throws Exception {
        LogoutResponse responder = TestLogoutResponses.valid(SIGNING, REQUEST_ID)
                .with(r -> r.getStatus().getStatusCode().setValue(StatusCode.RESPONDER)).signed();
        assertEquals(LogoutResult.FAILED, check.check(post(responder), asked(SIGNING)));
    }

    @Test
    void checkWhenUnsignedFromSpThatNeedNotSignThenLoggedOut() throws Exception {
        assertEquals(LogoutResult.LOGGED_OUT, check.check(post(TestLogoutResponses.valid(RELAXED, REQUEST_ID).received()),
                asked(RELAXED)));
    }

    @Test
    void checkWhenInResponseToIsAnotherRequestThenRejected() {
        LogoutResponseRejected thrown = refused(post(TestLogoutResponses.valid(SIGNING, "_some-other").signed()),
                asked(SIGNING));
        assertReasonMentions(thrown, "InResponseTo");
    }

    @Test
    void checkWhenInResponseToIsMissingThenRejected() {
        assertReasonMentions(refused(post(TestLogoutResponses.valid(SIGNING, null).signed()), asked(SIGNING)),
                "InResponseTo");
    }

    @Test
    void checkWhenIssuerIsAnotherSpThenRejected() {
        // RELAXED answers, correctly signed by itself, the request we sent to SIGNING.
        LogoutResponseRejected thrown = refused(post(TestLogoutResponses.valid(RELAXED, REQUEST_ID).signed()),
                asked(SIGNING));
        assertReasonMentions(thrown, "Issuer is not " + SIGNING.entityId());
    }

    @Test
    void checkWhenUnsignedButSpMustSignThenRejected() {
        LogoutResponseRejected thrown = refused(post(TestLogoutResponses.valid(SIGNING, REQUEST_ID).received()),
                asked(SIGNING));
        assertReasonMentions(thrown, "must be signed");
    }

    @Test
    void checkWhenSignedByAnotherKeyThenRejected() {
        LogoutResponse forged = TestLogoutResponses.valid(SIGNING, REQUEST_ID)
                .signed(TestCredentials.named("attacker"), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        assertReasonMentions(refused(post(forged), asked(SIGNING)), "does not verify");
    }

    /** The answer of {@code sp}, signed by hand so the canonicalization can be chosen. */
    private static LogoutResponse signedWith(TestServiceProvider sp, String canonicalization) {
        return TestXml.parse(TestXmlSignatures.by(sp.credential()).canonicalization(canonicalization)
                .sign(TestXml.serialize(TestLogoutResponses.valid(sp, REQUEST_ID).build())));
    }

    private static IncomingLogoutResponse soap(LogoutResponse response) {
        return new IncomingLogoutResponse(response, SloFixtures.SOAP, SIGNING.entityId() + "/slo/soap", Optional.empty());
    }

    @Test
    void checkWhenSoapAnswerSignedByHandWithExclusiveC14nThenLoggedOut() throws Exception {
        assertEquals(LogoutResult.LOGGED_OUT, check.check(soap(signedWith(SIGNING,
                SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS)), asked(SIGNING)));
    }

    @Test
    void checkWhenSoapAnswerSignedWithCommentsThenRejected() {
        assertReasonMentions(refused(soap(signedWith(SIGNING, SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS)),
                asked(SIGNING)), "CanonicalizationMethod http://www.w3.org/2001/10/xml-exc-c14n#WithComments");
    }

    @Test
    void checkWhenPostAnswerSignedWithInclusiveC14nThenRejected() {
        assertReasonMentions(refused(post(signedWith(SIGNING, SignatureConstants.ALGO_ID_C14N_OMIT_COMMENTS)),
                asked(SIGNING)), "CanonicalizationMethod http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
    }

    @Test
    void checkWhenSignedWithRsaSha1ThenRejected() {
        LogoutResponse sha1 = TestLogoutResponses.valid(SIGNING, REQUEST_ID)
                .signed(SIGNING.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1);
        assertReasonMentions(refused(post(sha1), asked(SIGNING)), "signature algorithm");
    }

    @Test
    void checkWhenDestinationIsAnotherEndpointThenRejected() {
        LogoutResponse elsewhere = TestLogoutResponses.valid(SIGNING, REQUEST_ID)
                .with(r -> r.setDestination("https://other-idp.test/slo")).signed();
        assertReasonMentions(refused(post(elsewhere), asked(SIGNING)), "Destination");
    }

    @Test
    void checkWhenIssuedLongAgoThenRejected() {
        LogoutResponse old = TestLogoutResponses.valid(SIGNING, REQUEST_ID).issuedAt(NOW.minus(Duration.ofHours(1))).signed();
        assertReasonMentions(refused(post(old), asked(SIGNING)), "IssueInstant");
    }

    @Test
    void checkWhenRedirectQuerySignatureVerifiesThenLoggedOut() throws Exception {
        LogoutResponse response = TestLogoutResponses.valid(SIGNING, REQUEST_ID)
                .with(r -> r.setDestination(SloFixtures.REDIRECT_SLO)).build();
        String sigAlg = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
        String signed = "SAMLResponse=" + TestAuthnRequests.encode(TestAuthnRequests.deflateBase64(TestXml.serialize(response)))
                + "&SigAlg=" + TestAuthnRequests.encode(sigAlg);
        byte[] signature = XMLSigningUtil.signWithURI(SIGNING.credential(), sigAlg, signed.getBytes(StandardCharsets.UTF_8));
        IncomingLogoutResponse incoming = new IncomingLogoutResponse(TestXml.roundTrip(response), SloFixtures.REDIRECT,
                SloFixtures.REDIRECT_SLO, Optional.of(new QuerySignature(sigAlg, signature, signed.getBytes(StandardCharsets.UTF_8))));
        assertEquals(LogoutResult.LOGGED_OUT, check.check(incoming, asked(SIGNING)));
    }
}
