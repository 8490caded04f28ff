package si.bankart.prehod.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.xml.OpenSamlRuntime;

/** What the SOAP client refuses before it sends anything (the end-to-end tests cover its answers). */
class SoapLogoutClientTest {

    @Test
    void soapEndpointThatIsNotHttpsIsNotCalledAndCountsAsFailed() {
        SoapLogoutClient client = new SoapLogoutClient(HttpClient.newHttpClient(), OpenSamlRuntime.initialize(),
                new LogoutResponseCheck(new ServiceProviderRegistry(List.of(), List.of()),
                        SloFixtures.signaturePolicy(false), SloFixtures.CLOCK, SloFixtures.SKEW, SloFixtures.MAX_AGE),
                Duration.ofSeconds(1), 65536);
        SpLogout participant = new SpLogout("https://sp.test/plain", SloFixtures.SOAP, "http://127.0.0.1:9/soap", "nid",
                NameIdFormat.PERSISTENT, "_si", "_req", null, LogoutResult.PENDING);

        assertEquals(LogoutResult.FAILED, client.logout(participant, null));
    }
}
