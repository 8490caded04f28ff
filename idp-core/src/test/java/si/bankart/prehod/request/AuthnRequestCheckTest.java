package si.bankart.prehod.request;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.sp.AcsEndpoint;
import si.bankart.prehod.protocol.rule.IssuerIsKnownSp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;

import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;

class AuthnRequestCheckTest {

    private static final TestServiceProvider SP = TestServiceProvider.named("check");
    private static final RegisteredSp REGISTERED = SP.registered();

    private static AuthnRequestCheck check() {
        return new AuthnRequestCheck(new IncomingAuthnRequest(TestAuthnRequests.valid(SP, "https://idp.test/sso")
                .id("_check-1").build(), SAMLConstants.SAML2_POST_BINDING_URI, "https://idp.test/sso", "rs",
                Optional.empty()));
    }

    @Test
    void rejectionBeforeTheSpIsKnownHasNoReply() {
        assertTrue(check().reject(SamlStatus.REQUESTER, "x").replyTo().isEmpty());
    }

    @Test
    void rejectionBeforeTheAcsIsChosenHasNoReply() {
        AuthnRequestCheck check = check();
        check.sp(REGISTERED);
        assertTrue(check.reject(SamlStatus.REQUESTER, "x").replyTo().isEmpty());
    }

    @Test
    void rejectionOnceSpAndAcsAreKnownRepliesThere() {
        AuthnRequestCheck check = check();
        check.sp(REGISTERED);
        check.acs(REGISTERED.metadata().acsByIndex(1).orElseThrow());
        Reply<AcsEndpoint> reply = check.reject(SamlStatus.REQUESTER_REQUEST_DENIED, "x").replyTo(AcsEndpoint.class).orElseThrow();
        assertEquals(SP.secondAcsUrl(), reply.location());
        assertEquals(Optional.of(RequestId.of("_check-1")), reply.inResponseTo());
        assertEquals(Optional.empty(), reply.relayState(), "RelayState only once it passed its check");
    }

    @Test
    void replyEchoesTheRelayStateOnlyAfterItWasAccepted() {
        AuthnRequestCheck check = check();
        check.sp(REGISTERED);
        check.acs(REGISTERED.metadata().defaultAcs().orElseThrow());
        check.echoRelayState(RelayState.of("rs"));
        assertEquals(Optional.of(RelayState.of("rs")), check.reply().orElseThrow().relayState());
    }

    @Test
    void askingForTheSpBeforeItIsEstablishedIsAProgrammingError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> check().sp());
        assertTrue(e.getMessage().contains("IssuerIsKnownSp"));
    }

    @Test
    void askingForTheAcsBeforeItIsChosenIsAProgrammingError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> check().acs());
        assertTrue(e.getMessage().contains("AcsComesFromMetadata"));
    }
}
