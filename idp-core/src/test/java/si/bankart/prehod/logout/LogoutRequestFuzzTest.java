package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RequestRejected;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.opensaml.saml.saml2.core.LogoutRequest;

import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.testing.FuzzedXml;

/**
 * A POSTed LogoutRequest of any shape, through the parser and the LogoutRequest rules as the IdP wires them, against
 * a session in which the SP took part: a {@link ValidLogoutRequest} or a {@link RequestRejected}, nothing else.
 */
class LogoutRequestFuzzTest {

    private static final LogoutRequestValidator VALIDATOR = validator();

    private static LogoutRequestValidator validator() {
        try {
            ServiceProviderRegistry registry = new ServiceProviderRegistry(List.of(
                    SloFixtures.metadata(SloFixtures.SP, SloFixtures.redirectSlo(SloFixtures.SP), SloFixtures.postSlo(SloFixtures.SP))),
                    List.of(SloFixtures.SP.policy()));
            return LogoutRequestValidator.standard(registry, InMemoryStorage.create("fuzz"), SloFixtures.LIMITS,
                    SloFixtures.signaturePolicy(false), EntityId.of(SloFixtures.IDP), SloFixtures.CLOCK);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void everyPostedLogoutRequestIsAcceptedOrRefused(byte[] xml) {
        Optional<LogoutRequest> request = FuzzedXml.parse(xml, LogoutRequest.class);
        if (request.isEmpty()) {
            return;
        }
        try {
            assertNotNull(VALIDATOR.validate(SloFixtures.post(request.get()), Optional.of(SloFixtures.session())));
        } catch (RequestRejected expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
