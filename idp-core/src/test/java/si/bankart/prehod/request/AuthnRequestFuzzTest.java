package si.bankart.prehod.request;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.storage.ReplayCache;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.request.rule.AcsComesFromMetadata;
import si.bankart.prehod.request.rule.DestinationIsThisEndpoint;
import si.bankart.prehod.request.rule.IssueInstantIsFresh;
import si.bankart.prehod.request.rule.IssuerIsKnownSp;
import si.bankart.prehod.request.rule.NameIdPolicyIsSupported;
import si.bankart.prehod.request.rule.RelayStateFitsLimit;
import si.bankart.prehod.request.rule.RequestIdIsNotReplayed;
import si.bankart.prehod.request.rule.RequestedAuthnContextIsSatisfiable;
import si.bankart.prehod.request.rule.SignaturePresentWhenRequired;
import si.bankart.prehod.request.rule.SubjectIsNotRequested;
import si.bankart.prehod.request.rule.VersionIs20;
import si.bankart.prehod.request.signature.QuerySignatureVerifier;
import si.bankart.prehod.request.signature.StrictSignatureProfile;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.testing.FuzzedXml;
import si.bankart.prehod.testing.TestServiceProvider;

/**
 * A POSTed AuthnRequest of any shape, through the parser and the whole rule chain as the IdP wires it: it becomes an
 * SsoRequest or a {@link RequestRejected} with a status; nothing else may be thrown. The seeds are requests of the two
 * test SPs (one must sign) issued at {@link #NOW}.
 */
class AuthnRequestFuzzTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String ENDPOINT = "https://idp.test/idp/profile/SAML2/POST/SSO";
    static final TestServiceProvider SP = TestServiceProvider.named("fuzz");
    static final TestServiceProvider SIGNING = TestServiceProvider.named("fuzz-signing").requiringSignedRequests();

    private static final AuthnRequestValidator VALIDATOR = validator();

    private static AuthnRequestValidator validator() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try {
            ReplayCache replayCache = new ReplayCache();
            replayCache.setId("fuzz-replay");
            replayCache.setStorage(InMemoryStorage.create("fuzz"));
            replayCache.initialize();
            ServiceProviderRegistry registry = new ServiceProviderRegistry(List.of(SP.metadata(), SIGNING.metadata()),
                    List.of(SP.policy(LevelOfAssurance.SUBSTANTIAL), SIGNING.policy()));
            return new AuthnRequestValidator(List.of(new IssuerIsKnownSp(registry), new AcsComesFromMetadata(),
                    new RelayStateFitsLimit(80),
                    new SignaturePresentWhenRequired(false, new QuerySignatureVerifier(), new StrictSignatureProfile()),
                    new VersionIs20(), new DestinationIsThisEndpoint(),
                    new IssueInstantIsFresh(clock, Duration.ofMinutes(2), Duration.ofMinutes(5)),
                    // Real time: the in-memory store expires replay records by it, and the fuzzer repeats IDs.
                    new RequestIdIsNotReplayed(replayCache, Clock.systemUTC(), Duration.ofMinutes(9)),
                    new SubjectIsNotRequested(), new NameIdPolicyIsSupported(), new RequestedAuthnContextIsSatisfiable()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void everyPostedAuthnRequestIsAcceptedOrRefusedWithAStatus(byte[] xml) {
        Optional<AuthnRequest> request = FuzzedXml.parse(xml, AuthnRequest.class);
        if (request.isEmpty()) {
            return;
        }
        try {
            assertNotNull(VALIDATOR.validate(new IncomingAuthnRequest(request.get(), SAMLConstants.SAML2_POST_BINDING_URI,
                    ENDPOINT, null, Optional.empty())));
        } catch (RequestRejected expected) {
            assertNotNull(expected.status());
            assertNotNull(expected.reason());
        }
    }
}
