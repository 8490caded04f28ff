package si.bankart.prehod.logout;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.storage.ReplayCache;

import si.bankart.prehod.logout.rule.EncryptedIdIsRefused;
import si.bankart.prehod.logout.rule.NameIdIsTheOneIssued;
import si.bankart.prehod.logout.rule.NotOnOrAfterHasNotPassed;
import si.bankart.prehod.logout.rule.ReplyGoesToSloFromMetadata;
import si.bankart.prehod.logout.rule.SessionIndexIsTheOneIssued;
import si.bankart.prehod.logout.rule.SignaturePresentWhenRequired;
import si.bankart.prehod.request.rule.DestinationIsThisEndpoint;
import si.bankart.prehod.request.rule.IssueInstantIsFresh;
import si.bankart.prehod.request.rule.IssuerIsKnownSp;
import si.bankart.prehod.request.rule.RelayStateFitsLimit;
import si.bankart.prehod.request.rule.RequestIdIsNotReplayed;
import si.bankart.prehod.request.rule.VersionIs20;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.testing.FuzzedXml;

/**
 * A POSTed LogoutRequest of any shape, through the parser and the LogoutRequest rules as the IdP wires them, against
 * a session in which the SP took part: a {@link ValidLogoutRequest} or a {@link LogoutRequestRejected}, nothing else.
 */
class LogoutRequestFuzzTest {

    private static final LogoutRequestValidator VALIDATOR = validator();

    private static LogoutRequestValidator validator() {
        try {
            ReplayCache cache = new ReplayCache();
            cache.setId("fuzz-logout-replay");
            cache.setStorage(InMemoryStorage.create("fuzz"));
            cache.initialize();
            ServiceProviderRegistry registry = new ServiceProviderRegistry(List.of(
                    SloFixtures.metadata(SloFixtures.SP, SloFixtures.redirectSlo(SloFixtures.SP), SloFixtures.postSlo(SloFixtures.SP))),
                    List.of(SloFixtures.SP.policy()));
            return new LogoutRequestValidator(List.of(new IssuerIsKnownSp(registry)::verify, new ReplyGoesToSloFromMetadata(),
                    new RelayStateFitsLimit(80)::verify, new VersionIs20()::verify, new DestinationIsThisEndpoint()::verify,
                    new IssueInstantIsFresh(SloFixtures.CLOCK, SloFixtures.SKEW, SloFixtures.MAX_AGE)::verify,
                    new NotOnOrAfterHasNotPassed(SloFixtures.CLOCK, SloFixtures.SKEW),
                    new RequestIdIsNotReplayed(cache, Clock.systemUTC(), Duration.ofMinutes(9))::verify,
                    new SignaturePresentWhenRequired(SloFixtures.signaturePolicy(false)), new EncryptedIdIsRefused(),
                    new NameIdIsTheOneIssued(SloFixtures.IDP), new SessionIndexIsTheOneIssued()));
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
        } catch (LogoutRequestRejected expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
