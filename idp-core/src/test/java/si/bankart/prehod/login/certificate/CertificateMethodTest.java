package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static si.bankart.prehod.login.certificate.TestCertificates.NOW;
import static si.bankart.prehod.login.certificate.TestCertificates.chain;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;
import static si.bankart.prehod.login.certificate.TestCertificates.verifier;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.PendingLogin;
import si.bankart.prehod.testing.FixedIds;

/** The certificate method as the web layer uses it: the presented chain in, the method's decision out. */
class CertificateMethodTest {

    private static final PendingLogin PENDING = TestCertificates.pendingLogin("https://sp.test/a");

    private final CertificateMethod method = new CertificateMethod(new CertificateAuthentication(verifier(true),
            new AuditLog(), Clock.fixed(NOW, ZoneOffset.UTC), new FixedIds()), null, LevelOfAssurance.SUBSTANTIAL,
            List.of(), null);

    @Test
    void decideOnAChainThatMapsToAUserLogsThatUserIn() {
        CertificateOutcome outcome = method.decide(new PresentedChain(PENDING, chain(leaf().build())), "192.0.2.7");

        assertEquals("u1001", assertInstanceOf(CertificateOutcome.Accepted.class, outcome).login().userId());
    }

    @Test
    void decideOnNoCertificateIsRefusedForThatReason() {
        CertificateOutcome outcome = method.decide(new PresentedChain(PENDING, List.of()), "192.0.2.7");

        assertEquals(CertificateRejection.NO_CERTIFICATE,
                assertInstanceOf(CertificateOutcome.Refused.class, outcome).reason());
    }
}
