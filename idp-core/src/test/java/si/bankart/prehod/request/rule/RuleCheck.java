package si.bankart.prehod.request.rule;

import si.bankart.prehod.sp.AcsEndpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.function.Executable;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.request.IncomingAuthnRequest;
import si.bankart.prehod.protocol.signature.QuerySignature;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;

/**
 * Shared setup for the rule tests: a check for one request, as it stands when the rule under test runs (the SP and its
 * default ACS already established unless the test is about establishing them), and one assertion per outcome.
 */
public final class RuleCheck {

    public static final String POST_ENDPOINT = "https://idp.test/idp/sso/post";
    public static final String REDIRECT_ENDPOINT = "https://idp.test/idp/sso/redirect";
    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final TestServiceProvider SP = TestServiceProvider.named("rules");

    private RuleCheck() {
    }

    /** A valid request from {@link #SP} to the POST endpoint, issued {@link #NOW}. */
    public static TestAuthnRequests request() {
        return TestAuthnRequests.valid(SP, POST_ENDPOINT).issuedAt(NOW);
    }

    public static IncomingAuthnRequest post(AuthnRequest request) {
        return post(request, null);
    }

    public static IncomingAuthnRequest post(AuthnRequest request, String relayState) {
        return new IncomingAuthnRequest(request, SAMLConstants.SAML2_POST_BINDING_URI, POST_ENDPOINT, relayState,
                Optional.empty());
    }

    public static IncomingAuthnRequest redirect(AuthnRequest request, String relayState, QuerySignature signature) {
        return new IncomingAuthnRequest(request, SAMLConstants.SAML2_REDIRECT_BINDING_URI, REDIRECT_ENDPOINT, relayState,
                Optional.ofNullable(signature));
    }

    /** Nothing established yet: what {@link IssuerIsKnownSp} sees. */
    public static AuthnRequestCheck fresh(IncomingAuthnRequest incoming) {
        return new AuthnRequestCheck(incoming);
    }

    /** The SP known, its ACS not chosen yet: what {@link AcsComesFromMetadata} sees. */
    public static AuthnRequestCheck withSp(RegisteredSp sp, IncomingAuthnRequest incoming) {
        AuthnRequestCheck check = new AuthnRequestCheck(incoming);
        check.sp(sp);
        return check;
    }

    /** The SP and its default ACS established: what every later rule sees. */
    public static AuthnRequestCheck established(RegisteredSp sp, IncomingAuthnRequest incoming) {
        AuthnRequestCheck check = withSp(sp, incoming);
        check.acs(sp.metadata().defaultAcs().orElseThrow());
        return check;
    }

    public static AuthnRequestCheck established(IncomingAuthnRequest incoming) {
        return established(SP.registered(), incoming);
    }

    public static AuthnRequestCheck established(AuthnRequest request) {
        return established(post(request));
    }

    public static RequestRejected rejected(RequestRule<? super AuthnRequestCheck> rule, AuthnRequestCheck check) {
        return assertThrows(RequestRejected.class, () -> rule.check(check));
    }

    public static void passes(RequestRule<? super AuthnRequestCheck> rule, AuthnRequestCheck check) {
        Executable run = () -> rule.check(check);
        try {
            run.execute();
        } catch (RequestRejected e) {
            throw new AssertionError("expected the rule to pass, it rejected with " + e.status() + ": " + e.reason(), e);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** Refused with this status, answered to the SP at {@code acs}. */
    public static void assertRejected(RequestRejected thrown, SamlStatus status, String acs) {
        assertEquals(status, thrown.status(), () -> "status (reason: " + thrown.reason() + ")");
        Optional<Reply<AcsEndpoint>> reply = thrown.replyTo(AcsEndpoint.class);
        assertTrue(reply.isPresent(), () -> "expected a reply to " + acs + " (reason: " + thrown.reason() + ")");
        assertEquals(acs, reply.get().location(), "reply ACS");
    }

    /** Refused with this status and nothing sent anywhere: only the error page. */
    public static void assertRejectedWithoutReply(RequestRejected thrown, SamlStatus status) {
        assertEquals(status, thrown.status(), () -> "status (reason: " + thrown.reason() + ")");
        assertTrue(thrown.replyTo().isEmpty(), () -> "expected no reply, got one to "
                + thrown.replyTo().get().location());
    }

    public static void assertReasonMentions(RequestRejected thrown, String text) {
        assertTrue(thrown.reason().contains(text), () -> "reason '" + thrown.reason() + "' should mention '" + text + "'");
    }

    public static void assertNoRelayStateEchoed(RequestRejected thrown) {
        assertEquals(Optional.empty(), thrown.replyTo().orElseThrow().relayState(), "RelayState echoed");
    }
}
