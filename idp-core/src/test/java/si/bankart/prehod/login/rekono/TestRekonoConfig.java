package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import si.bankart.prehod.loa.LevelOfAssurance;

/** A valid configuration against a {@link TestOp}, built so a test can change one thing. */
final class TestRekonoConfig {

    URI issuer;
    String trustStore = "op-root.pem";
    ClientAuthenticationConfig clientAuthentication = new ClientAuthenticationConfig(TokenAuthMethod.CLIENT_SECRET_BASIC,
            TestOp.CLIENT_SECRET, null, null, null);
    List<String> trustedAudiences = List.of();
    Duration readTimeout = Duration.ofSeconds(2);
    Duration keysRefetchInterval = Duration.ofMinutes(5);
    boolean useUserinfo = true;
    boolean linkByVerifiedEmail;
    boolean endSessionOnLogout = true;
    AcrValues acrValues = new AcrValues(List.of("urn:rekono:trust:1"), List.of("urn:rekono:trust:2"),
            List.of("urn:rekono:trust:3"));

    TestRekonoConfig(URI issuer) {
        this.issuer = issuer;
    }

    RekonoConfig build() {
        return new RekonoConfig(issuer, TestOp.CLIENT_ID, clientAuthentication,
                URI.create("https://idp.test/idp/login/rekono/callback"), null,
                Map.of("urn:rekono:trust:1", LevelOfAssurance.LOW, "urn:rekono:trust:2", LevelOfAssurance.SUBSTANTIAL,
                        "urn:rekono:trust:3", LevelOfAssurance.HIGH),
                acrValues, trustedAudiences, Duration.ofSeconds(2), readTimeout, null, keysRefetchInterval, null, null,
                URI.create("https://rekono.test/register"), endSessionOnLogout, useUserinfo, linkByVerifiedEmail, trustStore);
    }
}
