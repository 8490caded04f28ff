package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.certificate.TestCertificates.NOW;
import static si.bankart.prehod.login.certificate.TestCertificates.chain;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;
import static si.bankart.prehod.login.certificate.TestCertificates.verifier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginResult;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.testing.FixedIds;
import si.bankart.prehod.testing.LogCapture;

/** The certificate method's decision on a presented chain, and the audit events it writes. */
class CertificateAuthenticationTest {

    private static final String SP = "https://sp.test/a";
    private static final String CLIENT = "192.0.2.7";
    private static final PendingLogin PENDING = TestCertificates.pendingLogin(SP);
    /** Later than the verifier's clock: the login's instant must come from the clock this class is given. */
    private static final Instant LOGIN_TIME = NOW.plusSeconds(5);

    private static CertificateAuthentication authentication(boolean softFail) {
        return new CertificateAuthentication(verifier(softFail), new AuditLog(),
                Clock.fixed(LOGIN_TIME, ZoneOffset.UTC), new FixedIds());
    }

    @Test
    void authenticateWhenTheCertificateMapsToAUserThenAuthenticatedAtItsLevelAtTheClocksInstant() {
        CertificateOutcome outcome = authentication(true).authenticate(PENDING, chain(leaf().build()), CLIENT);

        LoginResult.Authenticated login = assertInstanceOf(CertificateOutcome.Accepted.class, outcome).login();
        assertEquals(new LoginResult.Authenticated("u1001", "certificate", LevelOfAssurance.SUBSTANTIAL, LOGIN_TIME),
                login);
    }

    @Test
    void authenticateWhenLetThroughBySoftFailThenAuditedAsSoftFailWithUserAndLevel() {
        try (LogCapture audit = new LogCapture("audit")) {
            assertInstanceOf(CertificateOutcome.Accepted.class,
                    authentication(true).authenticate(PENDING, chain(leaf().build()), CLIENT));

            assertEquals(List.of("INFO time=" + LOGIN_TIME + " event=certificate-soft-fail sp=" + SP
                    + " user=u1001 method=certificate loa=substantial result=soft-fail incident=- client=" + CLIENT),
                    audit.lines());
        }
    }

    @Test
    void authenticateWhenRefusedThenTheIncidentReturnedIsTheOneLoggedAndAuditedWithTheReason() {
        try (LogCapture log = new LogCapture(CertificateAuthentication.class.getName());
                LogCapture audit = new LogCapture("audit")) {
            CertificateOutcome outcome = authentication(false).authenticate(PENDING, chain(leaf().build()), CLIENT);

            CertificateOutcome.Refused refused = assertInstanceOf(CertificateOutcome.Refused.class, outcome);
            assertEquals(CertificateRejection.REVOCATION_UNAVAILABLE, refused.reason());
            assertEquals("TEST-0001", refused.incident().reference());
            assertEquals("REVOCATION_UNAVAILABLE", refused.incident().reason());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith(
                    "WARN Certificate login refused [incident TEST-0001] REVOCATION_UNAVAILABLE: ")), log.lines().toString());
            assertEquals(List.of("INFO time=" + LOGIN_TIME + " event=certificate-login sp=" + SP
                    + " user=- method=certificate loa=- result=REVOCATION_UNAVAILABLE incident=TEST-0001 client="
                    + CLIENT), audit.lines());
        }
    }

    @Test
    void authenticateWhenNothingPresentedThenRefusedAsNoCertificate() {
        CertificateOutcome outcome = authentication(true).authenticate(PENDING, List.of(), CLIENT);

        assertEquals(CertificateRejection.NO_CERTIFICATE,
                assertInstanceOf(CertificateOutcome.Refused.class, outcome).reason());
    }
}
