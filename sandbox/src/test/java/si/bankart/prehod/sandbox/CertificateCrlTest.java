package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.sandbox.CertificateSandbox.assertLoggedIn;

import java.security.cert.CRLReason;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.login.certificate.CertificateRejection;
import si.bankart.prehod.sandbox.ca.IssuedCertificate;

/**
 * The CRL deciding when the OCSP responder is down, through the running IdP. In its own sandbox because the IdP keeps
 * a CRL until its nextUpdate, which would decide the outage tests of {@link CertificateLoginTest}; the revoked
 * certificate is revoked before any login, so the one CRL the IdP downloads here already lists it.
 */
class CertificateCrlTest {

    private static CertificateSandbox sandbox;
    private static IssuedCertificate revoked;

    @BeforeAll
    static void start() throws Exception {
        sandbox = CertificateSandbox.start((home, ports) -> { });
        revoked = sandbox.testCertificate().issue();
        sandbox.sandbox.ca().revoke(revoked.certificate(), CRLReason.KEY_COMPROMISE, Instant.now());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void ocspResponderDown() {
        sandbox.sandbox.faults().ocspDown(true);
    }

    @Test
    void loginWhenOcspDownAndTheCrlListsTheCertificateThenRevokedPage() throws Exception {
        String incident = sandbox.assertRefused(sandbox.logInWith(revoked), CertificateRejection.REVOKED,
                "Potrdilo je preklicano");

        List<String> logged = sandbox.endpointLines("[incident " + incident + "]");
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).contains("sandbox-issuing.crl") && logged.get(0).contains("lists it as revoked"),
                logged.get(0));
    }

    @Test
    void loginWhenOcspDownAndTheCrlDoesNotListTheCertificateThenOnThePortalAsItsUser() throws Exception {
        assertLoggedIn(sandbox.logInWith(sandbox.testCertificate().issue()), CertificateSandbox.TEST_USER,
                CertificateSandbox.TEST_DISPLAY_NAME);
    }
}
