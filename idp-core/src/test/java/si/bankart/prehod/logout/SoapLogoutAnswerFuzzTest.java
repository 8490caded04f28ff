package si.bankart.prehod.logout;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpClient;
import java.time.Duration;

import com.code_intelligence.jazzer.junit.FuzzTest;

import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * Any bytes an SP answers our SOAP LogoutRequest with (within the size limit, which the client enforces before this):
 * always a {@link LogoutResult}, never an exception that would end the whole logout propagation.
 */
class SoapLogoutAnswerFuzzTest {

    private static final SoapLogoutClient CLIENT = new SoapLogoutClient(HttpClient.newHttpClient(),
            OpenSamlRuntime.initialize(), LogoutResponseFuzzTest.CHECK, Duration.ofSeconds(1), 256 * 1024);

    @FuzzTest
    void everySoapAnswerEndsInALogoutResult(byte[] answer) {
        assertNotNull(CLIENT.judge(answer, LogoutResponseFuzzTest.asked(SloFixtures.SOAP)));
    }
}
