package si.bankart.prehod.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.sandbox.CertificateSandbox.assertLoggedIn;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.login.certificate.CertificateRejection;
import si.bankart.prehod.sandbox.ca.DemoClient;

/**
 * The operator's explicit soft-fail ({@code revocation.softFail: true} in conf/certificate-login.yaml): when neither
 * OCSP nor the CRL answers, the certificate still logs its user in, and the audit trail says so every time; a
 * certificate that is proven revoked stays refused.
 */
class CertificateSoftFailTest {

    private static final String SOFT_FAIL_AUDIT = "event=certificate-soft-fail";

    private static CertificateSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = CertificateSandbox.start((home, ports) -> CertificateSandbox.edit(
                home.resolve("conf/certificate-login.yaml"), "softFail: false", "softFail: true"));
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
    }

    @Test
    void loginWhenOcspAndCrlDownThenOnThePortalAndTheSoftFailAudited() throws Exception {
        sandbox.sandbox.faults().ocspDown(true);
        sandbox.sandbox.faults().crlDown(true);

        assertLoggedIn(sandbox.logInWith(sandbox.testCertificate().issue()), CertificateSandbox.TEST_USER,
                CertificateSandbox.TEST_DISPLAY_NAME);

        assertEquals(List.of(SOFT_FAIL_AUDIT + " sp=https://localhost:" + sandbox.ports.portals() + "/bips/saml user="
                + CertificateSandbox.TEST_USER
                + " method=certificate loa=substantial result=soft-fail incident=- client=127.0.0.1"),
                sandbox.auditLines(SOFT_FAIL_AUDIT));
        List<String> warned = sandbox.endpointLines("let through by soft-fail");
        assertEquals(1, warned.size());
        assertTrue(warned.get(0).contains("HTTP 503"), warned.get(0));
    }

    @Test
    void loginWhenRevocationProvenGoodThenOnThePortalWithoutASoftFailAudit() throws Exception {
        int before = sandbox.auditLines(SOFT_FAIL_AUDIT).size();

        assertLoggedIn(sandbox.logInWith(sandbox.testCertificate().issue()), CertificateSandbox.TEST_USER,
                CertificateSandbox.TEST_DISPLAY_NAME);

        assertEquals(before, sandbox.auditLines(SOFT_FAIL_AUDIT).size());
    }

    @Test
    void loginWhenOcspSaysRevokedThenRevokedPageDespiteSoftFail() throws Exception {
        sandbox.assertRefused(sandbox.logInWith(DemoClient.REVOKED), CertificateRejection.REVOKED,
                "Potrdilo je preklicano");
    }
}
