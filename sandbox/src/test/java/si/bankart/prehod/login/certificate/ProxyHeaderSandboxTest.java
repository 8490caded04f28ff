package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertAccepted;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.sandbox.ca.DemoClient;

/**
 * The demo certificate as nginx forwards it ({@code $ssl_client_escaped_cert}): counted from the proxy's address and
 * verified like a TLS client certificate (the intermediate comes from configuration), ignored from any other address.
 */
class ProxyHeaderSandboxTest {

    private static RunningSandboxCa sandbox;
    private static final TrustedProxyHeader PROXY =
            new TrustedProxyHeader(new ProxyHeaderConfig(true, "X-SSL-Client-Cert", List.of("127.0.0.1")));

    @BeforeAll
    static void startCa() throws Exception {
        sandbox = RunningSandboxCa.get();
    }

    private static String nginxEscaped(X509Certificate certificate) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return URLEncoder.encode(pem, StandardCharsets.US_ASCII).replace("+", "%20");
    }

    @Test
    void readWhenFromProxyThenVerifiedAndAccepted() throws Exception {
        X509Certificate demo = sandbox.ca.demoClientCredential(DemoClient.VALID).certificate();
        ProxyHeaderCertificate header = PROXY.read("127.0.0.1", nginxEscaped(demo));
        X509Certificate forwarded = assertInstanceOf(ProxyHeaderCertificate.Presented.class, header).certificate();
        assertEquals("u1001", assertAccepted(sandbox.verifierWithIntermediates().verify(List.of(forwarded))).user().id());
    }

    @Test
    void readWhenForgedHeaderFromOtherAddressThenIgnored() throws Exception {
        X509Certificate demo = sandbox.ca.demoClientCredential(DemoClient.VALID).certificate();
        assertInstanceOf(ProxyHeaderCertificate.Ignored.class, PROXY.read("127.0.0.2", nginxEscaped(demo)));
    }
}
