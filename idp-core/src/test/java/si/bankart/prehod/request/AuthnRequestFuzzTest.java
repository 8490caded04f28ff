package si.bankart.prehod.request;

import si.bankart.prehod.protocol.RequestRejected;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.testing.FuzzedXml;
import si.bankart.prehod.testing.TestLimits;
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
            ServiceProviderRegistry registry = new ServiceProviderRegistry(List.of(SP.metadata(), SIGNING.metadata()),
                    List.of(SP.policy(LevelOfAssurance.SUBSTANTIAL), SIGNING.policy()));
            // A clock in the past: replay records expire at once, so the fuzzer's repeated IDs reach the later rules.
            return AuthnRequestValidator.standard(registry, InMemoryStorage.create("fuzz"), TestLimits.SSO, false, clock);
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
