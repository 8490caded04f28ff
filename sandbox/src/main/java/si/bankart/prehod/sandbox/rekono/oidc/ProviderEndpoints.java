package si.bankart.prehod.sandbox.rekono.oidc;

import java.net.URI;

/**
 * The stand-in's URIs, laid out like MITREid Connect's under the issuer
 * https://localhost:PORT/openid-connect-server-webapp/ ; the certificate factor lives on its own port.
 */
public record ProviderEndpoints(URI issuer, URI certificateBase) {

    public static final String CONTEXT = "/openid-connect-server-webapp/";

    public static ProviderEndpoints of(String host, int port, int certificatePort) {
        return new ProviderEndpoints(URI.create("https://" + host + ":" + port + CONTEXT),
                URI.create("https://" + host + ":" + certificatePort + CONTEXT));
    }

    public URI discovery() {
        return issuer.resolve(".well-known/openid-configuration");
    }

    public URI jwks() {
        return issuer.resolve("jwk");
    }

    public URI authorize() {
        return issuer.resolve("authorize");
    }

    public URI token() {
        return issuer.resolve("token");
    }

    public URI userinfo() {
        return issuer.resolve("userinfo");
    }

    public URI endSession() {
        return issuer.resolve("endsession");
    }

    /** A page of the login journey, e.g. "login" or "confirm". */
    public URI page(String name) {
        return issuer.resolve(name);
    }

    public URI certificateLogin() {
        return certificateBase.resolve("certificate");
    }
}
