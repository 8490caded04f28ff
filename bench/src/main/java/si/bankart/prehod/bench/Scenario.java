package si.bankart.prehod.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.config.Paths;

/** The SSO scenarios the load driver runs: how one unique AuthnRequest is made, and how it is sent. */
enum Scenario {

    /** (a) SSO with an existing session, HTTP-Redirect binding, unsigned AuthnRequest. */
    A_REDIRECT("a", "SSO with session, HTTP-Redirect, unsigned AuthnRequest") {
        @Override
        Journey.Prepared prepare(BenchIdp idp) {
            TestAuthnRequests request = TestAuthnRequests.valid(BenchIdp.PORTAL_REDIRECT, idp.endpoint(Paths.SSO_REDIRECT));
            return new Journey.Prepared(request.id(),
                    idp.baseUri().resolve(Paths.SSO_REDIRECT + "?" + request.redirectQuery(RELAY_STATE)).toString());
        }

        @Override
        HttpRequest request(BenchIdp idp, Journey.Prepared prepared) {
            return HttpRequest.newBuilder(URI.create(prepared.payload())).timeout(TIMEOUT).GET().build();
        }
    },

    /** (b) the same over HTTP-POST, the AuthnRequest signed (enveloped XML signature, RSA-SHA256, SP's RSA-2048 key). */
    B_POST_SIGNED("b", "SSO with session, HTTP-POST, signed AuthnRequest") {
        @Override
        Journey.Prepared prepare(BenchIdp idp) {
            TestAuthnRequests request = TestAuthnRequests.valid(BenchIdp.PORTAL_POST_SIGNED, idp.endpoint(Paths.SSO_POST));
            return new Journey.Prepared(request.id(), "SAMLRequest="
                    + TestAuthnRequests.encode(TestAuthnRequests.postEncode(request.signedXml()))
                    + "&RelayState=" + TestAuthnRequests.encode(RELAY_STATE));
        }

        @Override
        HttpRequest request(BenchIdp idp, Journey.Prepared prepared) {
            return HttpRequest.newBuilder(idp.baseUri().resolve(Paths.SSO_POST)).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(prepared.payload())).build();
        }
    };

    static final String RELAY_STATE = "bench-relay-state";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String letter;
    private final String title;

    Scenario(String letter, String title) {
        this.letter = letter;
        this.title = title;
    }

    String letter() {
        return letter;
    }

    String title() {
        return title;
    }

    /** One unique AuthnRequest, issued now: its ID and what is sent (a URL or a form body). */
    abstract Journey.Prepared prepare(BenchIdp idp);

    abstract HttpRequest request(BenchIdp idp, Journey.Prepared prepared);

    static Scenario byLetter(String letter) {
        for (Scenario scenario : values()) {
            if (scenario.letter.equals(letter)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("no load scenario " + letter);
    }
}
