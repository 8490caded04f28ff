package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static si.bankart.prehod.logout.SloFixtures.IDP;
import static si.bankart.prehod.logout.SloFixtures.IDP_KEY;
import static si.bankart.prehod.testing.TestXPath.count;
import static si.bankart.prehod.testing.TestXPath.value;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.sp.SloEndpoint;
import si.bankart.prehod.testing.FixedIds;
import si.bankart.prehod.testing.TestXml;

class LogoutResponseBuilderTest {

    /** The SP answers at a ResponseLocation apart from its Location, which the Destination must follow. */
    private static final SloEndpoint SLO = new SloEndpoint(SloFixtures.POST, "https://sp.test/slo/post",
            "https://sp.test/slo/post/answer");
    private static final Reply<SloEndpoint> REPLY = new Reply<>(SloFixtures.registered(SloFixtures.SP, SLO), SLO,
            Optional.of(RequestId.of("_request-1")), Optional.of(RelayState.of("rs-1")));

    private final LogoutResponseBuilder builder = new LogoutResponseBuilder(EntityId.of(IDP), new SamlSigner(IDP_KEY),
            SloFixtures.CLOCK, new FixedIds());

    private static LogoutProgress finished(LogoutResult... results) {
        LogoutProgress progress = LogoutProgressTest.started();
        String[] names = {"b", "c", "d"};
        for (int i = 0; i < names.length; i++) {
            progress = progress.answered("https://sp.test/" + names[i], results[i]);
        }
        return progress;
    }

    private static String xml(OutgoingLogoutResponse outgoing) {
        return TestXml.serialize(outgoing.response());
    }

    /** The response with its signature removed, compared with XMLUnit to the expected structure. */
    private static void assertStructure(String expected, OutgoingLogoutResponse outgoing) {
        LogoutResponse copy = TestXml.parse(xml(outgoing));
        copy.setSignature(null);
        copy.releaseDOM();
        Diff diff = DiffBuilder.compare(Input.fromString(expected)).withTest(Input.fromString(TestXml.serialize(copy)))
                .ignoreWhitespace().checkForSimilar().build();
        assertEquals(false, diff.hasDifferences(), diff::toString);
    }

    private static void assertSignedByTheIdp(OutgoingLogoutResponse outgoing) throws Exception {
        LogoutResponse received = TestXml.parse(xml(outgoing));
        new SAMLSignatureProfileValidator().validate(received.getSignature());
        SignatureValidator.validate(received.getSignature(), new BasicX509Credential(IDP_KEY.getEntityCertificate()));
        assertEquals(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, received.getSignature().getSignatureAlgorithm());
    }

    @Test
    void finishedWhenEverySpLoggedOutThenSuccess() throws Exception {
        OutgoingLogoutResponse outgoing = builder.finished(REPLY,
                finished(LogoutResult.LOGGED_OUT, LogoutResult.LOGGED_OUT, LogoutResult.LOGGED_OUT));
        assertStructure("""
                <samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"
                    xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_id-1" Version="2.0"
                    IssueInstant="2026-03-02T09:00:00.000Z" InResponseTo="_request-1"
                    Destination="https://sp.test/slo/post/answer">
                  <saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">https://idp.test/idp</saml:Issuer>
                  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
                </samlp:LogoutResponse>
                """, outgoing);
        assertSignedByTheIdp(outgoing);
        assertEquals("https://sp.test/slo/post/answer", outgoing.location());
        assertEquals(SloFixtures.POST, outgoing.binding());
        assertEquals("rs-1", outgoing.relayState());
    }

    @Test
    void finishedWhenAnSpFailedThenSuccessWithPartialLogout() throws Exception {
        OutgoingLogoutResponse outgoing = builder.finished(REPLY,
                finished(LogoutResult.LOGGED_OUT, LogoutResult.TIMED_OUT, LogoutResult.LOGGED_OUT));
        String xml = xml(outgoing);
        assertEquals(StatusCode.SUCCESS, value(xml, "/samlp:LogoutResponse/samlp:Status/samlp:StatusCode/@Value"));
        assertEquals(StatusCode.PARTIAL_LOGOUT,
                value(xml, "/samlp:LogoutResponse/samlp:Status/samlp:StatusCode/samlp:StatusCode/@Value"));
        assertEquals("_request-1", value(xml, "/samlp:LogoutResponse/@InResponseTo"));
        assertSignedByTheIdp(outgoing);
    }

    @Test
    void finishedWhenAnSpCouldNotBeToldThenPartialLogout() {
        LogoutProgress progress = new LogoutProgress("cookie-1", "ana", SloFixtures.SP.entityId(), "_request-1", null,
                SloFixtures.POST, List.of(), List.of("https://sp.test/e"), null);
        assertEquals(StatusCode.PARTIAL_LOGOUT, value(xml(builder.finished(REPLY, progress)),
                "//samlp:StatusCode/samlp:StatusCode/@Value"));
    }

    @Test
    void finishedWhileStillWaitingForAnSpIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> builder.finished(REPLY, LogoutProgressTest.started()));
    }

    @Test
    void refusedRequestIsAnsweredWithItsRequesterStatusAndIncident() throws Exception {
        OutgoingLogoutResponse outgoing = builder.refused(new RequestRejected(SamlStatus.REQUESTER_REQUEST_DENIED,
                "SessionIndex is not the one issued", Optional.of(REPLY)), "TEST-0001");
        String xml = xml(outgoing);
        assertEquals(StatusCode.REQUESTER, value(xml, "/samlp:LogoutResponse/samlp:Status/samlp:StatusCode/@Value"));
        assertEquals(StatusCode.REQUEST_DENIED, value(xml, "//samlp:StatusCode/samlp:StatusCode/@Value"));
        assertEquals("incident TEST-0001", value(xml, "//samlp:StatusMessage"));
        assertEquals(0, count(xml, "//samlp:StatusMessage[contains(., 'SessionIndex')]"), "the reason stays in our log");
        assertEquals(IDP, value(xml, "/samlp:LogoutResponse/saml:Issuer"));
        assertEquals("https://sp.test/slo/post/answer", value(xml, "/samlp:LogoutResponse/@Destination"));
        assertSignedByTheIdp(outgoing);
    }

    @Test
    void refusedWithoutATrustedReplyCannotBeAnswered() {
        assertThrows(IllegalArgumentException.class, () -> builder.refused(new RequestRejected(
                SamlStatus.REQUESTER_REQUEST_DENIED, "Issuer is not a registered SP", Optional.empty()), "TEST-0001"));
    }

    @Test
    void signatureCoversTheStatusSoItCannotBeTurnedIntoAnother() {
        OutgoingLogoutResponse outgoing = builder.finished(REPLY,
                finished(LogoutResult.LOGGED_OUT, LogoutResult.FAILED, LogoutResult.LOGGED_OUT));
        String tampered = xml(outgoing).replace(StatusCode.PARTIAL_LOGOUT, StatusCode.AUTHN_FAILED);
        LogoutResponse received = TestXml.parse(tampered);
        assertThrows(Exception.class, () -> SignatureValidator.validate(received.getSignature(),
                new BasicX509Credential(IDP_KEY.getEntityCertificate())));
    }
}
