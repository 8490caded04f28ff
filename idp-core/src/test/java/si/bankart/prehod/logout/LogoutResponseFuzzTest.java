package si.bankart.prehod.logout;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.opensaml.saml.saml2.core.LogoutResponse;

import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.testing.FuzzedXml;

/**
 * A POSTed LogoutResponse of any shape, through the parser and {@link LogoutResponseCheck}, as the answer to the
 * request we sent {@link SloFixtures#SP}: a {@link LogoutResult} or a {@link LogoutResponseRejected}, nothing else.
 */
class LogoutResponseFuzzTest {

    static final String REQUEST_ID = "_we-asked";
    static final LogoutResponseCheck CHECK = new LogoutResponseCheck(new ServiceProviderRegistry(
            List.of(SloFixtures.metadata(SloFixtures.SP, SloFixtures.postSlo(SloFixtures.SP), SloFixtures.soapSlo(SloFixtures.SP))),
            List.of(SloFixtures.SP.policy())), SloFixtures.signaturePolicy(false), SloFixtures.CLOCK, SloFixtures.SKEW,
            SloFixtures.MAX_AGE);

    /** What we sent {@link SloFixtures#SP} over this binding and now wait for. */
    static SpLogout asked(String binding) {
        return new SpLogout(SloFixtures.SP.entityId(), binding, SloFixtures.SP.entityId() + "/slo/post", "nid", null, "_si",
                REQUEST_ID, SloFixtures.NOW.plusSeconds(30), LogoutResult.PENDING);
    }

    @FuzzTest
    void everyPostedLogoutResponseIsJudged(byte[] xml) {
        Optional<LogoutResponse> response = FuzzedXml.parse(xml, LogoutResponse.class);
        if (response.isEmpty()) {
            return;
        }
        try {
            assertNotNull(CHECK.check(new IncomingLogoutResponse(response.get(), SloFixtures.POST, SloFixtures.POST_SLO,
                    Optional.empty()), asked(SloFixtures.POST)));
        } catch (LogoutResponseRejected expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
