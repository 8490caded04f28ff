package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.sandbox.CertificateSandbox.assertLoggedIn;

import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.login.certificate.CertificateRejection;
import si.bankart.prehod.sandbox.ca.DemoClient;
import si.bankart.prehod.sandbox.ca.KeyPurpose;
import si.bankart.prehod.sandbox.ca.KeyType;
import si.bankart.prehod.sandbox.ca.SignatureAlgorithm;

/**
 * Certificate login through the running IdP's certificate connector, with real TLS handshakes and the project's
 * configuration (hard-fail revocation): certificates of the sandbox issuing CA with one thing wrong each get their own
 * page, and outages of the CA's OCSP responder and CRL endpoint refuse unless a good OCSP answer is still kept.
 * <p>
 * No test here lets the IdP download a good CRL: it would be kept until its nextUpdate and then decide the outage
 * tests instead of the outage.
 */
class CertificateLoginTest {

    private static CertificateSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = CertificateSandbox.start((home, ports) -> { });
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @AfterEach
    void revocationServicesBackUp() {
        sandbox.sandbox.faults().ocspDown(false);
        sandbox.sandbox.faults().crlDown(false);
        sandbox.sandbox.faults().staleCrl(false);
    }

    @Test
    void certificateConnectorShowsItsEcdsaKeyToAClientThatOffersOnlyEcdsa() throws Exception {
        assertEquals("EC", connectorKeyAlgorithm("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
    }

    @Test
    void certificateConnectorShowsItsRsaKeyToAClientThatOffersOnlyRsa() throws Exception {
        assertEquals("RSA", connectorKeyAlgorithm("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
    }

    @Test
    void certificateConnectorShowsItsEcdsaKeyToATls13ClientThatPrefersEcdsa() throws Exception {
        // The JDK's TLS 1.3 client lists ecdsa_secp256r1_sha256 before the RSA schemes, as browsers do.
        assertEquals("EC", connectorKeyAlgorithm("TLSv1.3", null));
    }

    /** A handshake with the certificate connector (no client certificate); the key type of the server's certificate. */
    private static String connectorKeyAlgorithm(String protocol, String cipherSuite) throws Exception {
        SSLContext tls = SandboxTls.trustingOnlyTheSandbox(sandbox.sandbox);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost",
                sandbox.ports.idpCertificate())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(new String[] {protocol});
            if (cipherSuite != null) {
                parameters.setCipherSuites(new String[] {cipherSuite});
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            assertEquals(protocol, socket.getSession().getProtocol());
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getPublicKey().getAlgorithm();
        }
    }

    @Test
    void loginWhenCertificateOfTheIssuingCaIsRegisteredThenOnThePortalAsItsUser() throws Exception {
        assertLoggedIn(sandbox.logInWith(sandbox.testCertificate().issue()), CertificateSandbox.TEST_USER,
                CertificateSandbox.TEST_DISPLAY_NAME);
    }

    @Test
    void loginWhenConnectorLinkIsOpenedAgainAfterLoggingInThenLoginExpiredPage() throws Exception {
        CertificateSandbox.Attempt first = sandbox.logInWith(sandbox.testCertificate().issue());
        assertLoggedIn(first, CertificateSandbox.TEST_USER, CertificateSandbox.TEST_DISPLAY_NAME);

        HttpResponse<String> again = first.person().get(sandbox.connectorUrl(first.key()));

        assertEquals(400, again.statusCode(), again.body());
        assertEquals("Prijava je potekla", CertificateSandbox.title(again), "a pending login answers once");
    }

    @Test
    void loginWhenCertificateNotYetValidThenNotYetValidPage() throws Exception {
        Instant now = Instant.now();
        sandbox.assertRefused(sandbox.logInWith(sandbox.testCertificate()
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).issue()),
                CertificateRejection.NOT_YET_VALID, "Potrdilo še ne velja");
    }

    @Test
    void loginWhenExtendedKeyUsageIsServerAuthOnlyThenKeyUsagePage() throws Exception {
        sandbox.assertRefused(sandbox.logInWith(sandbox.testCertificate().extendedKeyUsage(KeyPurpose.SERVER_AUTH).issue()),
                CertificateRejection.KEY_USAGE, "Potrdilo ni namenjeno prijavi");
    }

    @Test
    void loginWhenLeafIsCaTrueThenCaCertificatePage() throws Exception {
        sandbox.assertRefused(sandbox.logInWith(sandbox.testCertificate().certificateAuthority(true).issue()),
                CertificateRejection.CA_CERTIFICATE, "To je potrdilo overitelja");
    }

    @Test
    void loginWhenSignedWithSha1ThenWeakSignaturePage() throws Exception {
        sandbox.assertRefused(sandbox.logInWith(sandbox.testCertificate()
                        .signatureAlgorithm(SignatureAlgorithm.SHA1_WITH_RSA).issue()),
                CertificateRejection.WEAK_SIGNATURE, "Podpis potrdila je zastarel");
    }

    @Test
    void loginWhenRsaKeyHas1024BitsThenWeakKeyPage() throws Exception {
        sandbox.assertRefused(sandbox.logInWith(sandbox.testCertificate().keyType(KeyType.RSA_1024).issue()),
                CertificateRejection.WEAK_KEY, "Ključ potrdila je prešibak");
    }

    @Test
    void loginWhenValidCertificateLinkedToNoUserThenNotRegisteredPage() throws Exception {
        String incident = sandbox.assertRefused(sandbox.logInWith(sandbox.testCertificate()
                        .subject("CN=Nihce,SERIALNUMBER=TINSI-00000000,O=Varni Prehod Sandbox,C=SI").issue()),
                CertificateRejection.NOT_REGISTERED, "Potrdilo ni povezano z uporabnikom banke");
        assertEquals(1, sandbox.endpointLines("[incident " + incident + "] NOT_REGISTERED").size());
        assertTrue(sandbox.endpointLines("[incident " + incident + "]").get(0).contains("TINSI-00000000"),
                "the log names the unmapped value for the help desk");
    }

    @Test
    void loginWhenClientOffersACertificateOfAnotherCaThenUnknownIssuerPage() throws Exception {
        sandbox.assertRefused(sandbox.logInOfferingRegardlessOfAcceptedIssuers(
                        sandbox.sandbox.ca().demoClientCredential(DemoClient.OTHER_CA)),
                CertificateRejection.UNKNOWN_ISSUER, "Potrdila ni izdala banka");
    }

    @Test
    void loginWhenBrowserHoldsOnlyACertificateOfAnotherCaThenItOffersNoneAndNoCertificatePage() throws Exception {
        // The connector names the trust anchors as acceptable issuers; clients that honour the list send nothing.
        sandbox.assertRefused(sandbox.logInWith(DemoClient.OTHER_CA), CertificateRejection.NO_CERTIFICATE,
                "Brskalnik ni poslal potrdila");
    }

    @Test
    void loginWhenOcspAndCrlGoDownAfterAGoodOcspAnswerThenSecondLoginUsesTheKeptAnswer() throws Exception {
        assertLoggedIn(sandbox.logInWith(DemoClient.VALID), "u1001", "Janez Novak");
        // Both down: with the CRL up, the CRL would decide and this would not show that the OCSP answer was kept.
        sandbox.sandbox.faults().ocspDown(true);
        sandbox.sandbox.faults().crlDown(true);

        assertLoggedIn(sandbox.logInWith(DemoClient.VALID), "u1001", "Janez Novak");
    }

    @Test
    void loginWhenOcspAndCrlDownAndNothingKeptThenRevocationUnavailablePage() throws Exception {
        sandbox.sandbox.faults().ocspDown(true);
        sandbox.sandbox.faults().crlDown(true);

        String incident = sandbox.assertRefused(sandbox.logInWith(sandbox.testCertificate().issue()),
                CertificateRejection.REVOCATION_UNAVAILABLE, "Veljavnosti potrdila trenutno ni mogoče preveriti");
        List<String> logged = sandbox.endpointLines("[incident " + incident + "]");
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).contains("client certificate CN=" + CertificateSandbox.TEST_DISPLAY_NAME)
                && logged.get(0).contains("HTTP 503"), logged.get(0));
    }

    @Test
    void loginWhenOcspDownAndCrlStaleThenRevocationUnavailablePage() throws Exception {
        sandbox.sandbox.faults().ocspDown(true);
        sandbox.sandbox.faults().staleCrl(true);

        String incident = sandbox.assertRefused(sandbox.logInWith(sandbox.testCertificate().issue()),
                CertificateRejection.REVOCATION_UNAVAILABLE, "Veljavnosti potrdila trenutno ni mogoče preveriti");
        List<String> logged = sandbox.endpointLines("[incident " + incident + "]");
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).contains("stale: nextUpdate"), logged.get(0));
    }
}
