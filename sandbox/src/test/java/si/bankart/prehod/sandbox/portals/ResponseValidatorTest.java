package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static si.bankart.prehod.sandbox.portals.TestResponses.ACQ;
import static si.bankart.prehod.sandbox.portals.TestResponses.IDP;
import static si.bankart.prehod.sandbox.portals.TestResponses.REQUEST_ID;
import static si.bankart.prehod.sandbox.portals.TestResponses.T0;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;

class ResponseValidatorTest {

    private PendingRequests pending;

    @BeforeEach
    void rememberTheRequest() {
        pending = new PendingRequests(Clock.fixed(T0.minusSeconds(20), ZoneOffset.UTC));
        pending.remember(REQUEST_ID);
    }

    @Test
    void judgeWhenValidThenAcceptedWithNameIdAttributesLoaAndSessionIndex() {
        ResponseVerdict verdict = judgeAt(T0, TestResponses.valid().build());

        SamlLogin login = assertInstanceOf(ResponseVerdict.Accepted.class, verdict).login();
        assertEquals(new SubjectNameId("opaque-42", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", null, null),
                login.nameId());
        assertEquals(Map.of("displayName", List.of("Janez Novak")), login.attributes());
        assertEquals("http://eidas.europa.eu/LoA/substantial", login.authnContextClassRef());
        assertEquals("_session-7", login.sessionIndex());
    }

    @Test
    void judgeWhenOnlyTheResponseIsSignedThenAccepted() {
        Response response = TestResponses.valid().assertionSignedBy(null).responseSignedBy(TestResponses.IDP_KEY).build();

        assertInstanceOf(ResponseVerdict.Accepted.class, judgeAt(T0, response));
    }

    @Test
    void judgeWhenSameResponseTwiceThenSecondRefusedAsUnknownRequest() {
        assertInstanceOf(ResponseVerdict.Accepted.class, judgeAt(T0, TestResponses.valid().build()));

        assertRefused(Refusal.UNKNOWN_REQUEST, judgeAt(T0, TestResponses.valid().build()));
    }

    @Test
    void judgeWhenUnsolicitedThenRefusedAsUnknownRequest() {
        Response response = TestResponses.valid().change(r -> r.setInResponseTo(null)).build();

        assertRefused(Refusal.UNKNOWN_REQUEST, judgeAt(T0, response));
    }

    @Test
    void judgeWhenSubjectConfirmationAnswersAnotherRequestThenRefusedAsUnknownRequest() {
        Response response = TestResponses.valid().change(r -> confirmation(r).setInResponseTo("_other")).build();

        assertRefused(Refusal.UNKNOWN_REQUEST, judgeAt(T0, response));
    }

    @Test
    void judgeWhenSubjectConfirmationLacksInResponseToThenRefusedAsUnknownRequest() {
        Response response = TestResponses.valid().change(r -> confirmation(r).setInResponseTo(null)).build();

        assertRefused(Refusal.UNKNOWN_REQUEST, judgeAt(T0, response));
    }

    @Test
    void judgeWhenAssertionTamperedAfterSigningThenRefusedAsBadSignature() {
        Response response = TestResponses.valid().tamperedXml("Janez Novak", "Eva Napadalka");

        assertRefused(Refusal.BAD_SIGNATURE, judgeAt(T0, response));
    }

    @Test
    void judgeWhenSignedByAnotherKeyThenRefusedAsBadSignature() {
        Response response = TestResponses.valid().assertionSignedBy(TestResponses.OTHER_KEY).build();

        assertRefused(Refusal.BAD_SIGNATURE, judgeAt(T0, response));
    }

    @Test
    void judgeWhenNothingSignedThenRefusedAsNotSigned() {
        assertRefused(Refusal.NOT_SIGNED, judgeAt(T0, TestResponses.valid().assertionSignedBy(null).build()));
    }

    @Test
    void judgeWhenAssertionIssuerIsAnotherIdpThenRefusedAsWrongIssuer() {
        Response response = TestResponses.valid().change(r -> r.getAssertions().get(0).getIssuer()
                .setValue("https://evil.example/idp")).build();

        assertRefused(Refusal.WRONG_ISSUER, judgeAt(T0, response));
    }

    @Test
    void judgeWhenAudienceIsAnotherPortalThenRefusedAsWrongAudience() {
        Response response = TestResponses.valid().change(r -> audience(r).setURI("https://localhost:8500/cms/saml")).build();

        assertRefused(Refusal.WRONG_AUDIENCE, judgeAt(T0, response));
    }

    @Test
    void judgeWhenNoAudienceRestrictionThenRefusedAsWrongAudience() {
        Response response = TestResponses.valid().change(r -> r.getAssertions().get(0).getConditions()
                .getAudienceRestrictions().clear()).build();

        assertRefused(Refusal.WRONG_AUDIENCE, judgeAt(T0, response));
    }

    @Test
    void judgeWhenDestinationIsAnotherAcsThenRefusedAsWrongDestination() {
        Response response = TestResponses.valid().change(r -> r.setDestination("https://localhost:8500/cms/saml/acs"))
                .build();

        assertRefused(Refusal.WRONG_DESTINATION, judgeAt(T0, response));
    }

    @Test
    void judgeWhenRecipientIsAnotherAcsThenRefusedAsWrongDestination() {
        Response response = TestResponses.valid().change(r -> confirmation(r).setRecipient("https://evil.example/acs"))
                .build();

        assertRefused(Refusal.WRONG_DESTINATION, judgeAt(T0, response));
    }

    @Test
    void judgeWhenConditionsHavePassedBeyondTheSkewThenRefusedAsExpired() {
        Response response = TestResponses.valid().change(r -> confirmation(r).setNotOnOrAfter(T0.plusSeconds(3600)))
                .build();

        assertRefused(Refusal.EXPIRED, judgeAt(T0.plusSeconds(300).plus(ResponseValidator.CLOCK_SKEW), response));
    }

    @Test
    void judgeWhenConditionsPassedWithinTheSkewThenAccepted() {
        assertInstanceOf(ResponseVerdict.Accepted.class, judgeAt(T0.plusSeconds(300).plusSeconds(60),
                TestResponses.valid().build()));
    }

    @Test
    void judgeWhenNotBeforeIsBeyondTheSkewAheadThenRefusedAsExpired() {
        Response response = TestResponses.valid().change(r -> r.getAssertions().get(0).getConditions()
                .setNotBefore(T0.plus(ResponseValidator.CLOCK_SKEW).plusSeconds(1))).build();

        assertRefused(Refusal.EXPIRED, judgeAt(T0, response));
    }

    @Test
    void judgeWhenBearerConfirmationHasExpiredThenRefusedAsExpired() {
        Response response = TestResponses.valid().change(r -> confirmation(r).setNotOnOrAfter(T0.minusSeconds(200)))
                .build();

        assertRefused(Refusal.EXPIRED, judgeAt(T0, response));
    }

    @Test
    void judgeWhenTwoAssertionsThenRefusedAsMalformed() {
        Response response = TestResponses.valid().change(r -> {
            r.getAssertions().add(TestResponses.assertion());
            r.getAssertions().get(1).setID("_assertion-2");
        }).build();

        assertRefused(Refusal.MALFORMED_ASSERTION, judgeAt(T0, response));
    }

    @Test
    void judgeWhenSignedErrorStatusThenIdpErrorWithBothCodes() {
        ResponseVerdict verdict = judgeAt(T0, TestResponses.valid().error(StatusCode.AUTHN_FAILED).build());

        assertEquals(List.of(StatusCode.RESPONDER, StatusCode.AUTHN_FAILED),
                assertInstanceOf(ResponseVerdict.IdpError.class, verdict).statusCodes());
    }

    @Test
    void judgeWhenErrorStatusForAnUnknownRequestThenRefused() {
        Response response = TestResponses.valid().error(StatusCode.AUTHN_FAILED).change(r -> r.setInResponseTo("_x"))
                .build();

        assertRefused(Refusal.UNKNOWN_REQUEST, judgeAt(T0, response));
    }

    private ResponseVerdict judgeAt(java.time.Instant now, Response response) {
        return new ResponseValidator(ACQ, IDP, IdpKeys.pinned(TestResponses.IDP_KEY.getEntityCertificate()), pending,
                Clock.fixed(now, ZoneOffset.UTC)).judge(response);
    }

    private static org.opensaml.saml.saml2.core.SubjectConfirmationData confirmation(Response response) {
        return response.getAssertions().get(0).getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData();
    }

    private static Audience audience(Response response) {
        return response.getAssertions().get(0).getConditions().getAudienceRestrictions().get(0).getAudiences().get(0);
    }

    private static void assertRefused(Refusal expected, ResponseVerdict verdict) {
        assertEquals(expected, assertInstanceOf(ResponseVerdict.Refused.class, verdict).reason(), verdict.toString());
    }

}
