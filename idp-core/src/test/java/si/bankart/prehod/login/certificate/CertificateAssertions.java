package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/** One assertion per outcome type of certificate checks. */
final class CertificateAssertions {

    interface Check {
        void run() throws CertificateRefused;
    }

    private CertificateAssertions() {
    }

    static CertificateRefused assertRefused(CertificateRejection reason, Check check) {
        try {
            check.run();
        } catch (CertificateRefused refused) {
            assertEquals(reason, refused.reason(), refused.detail());
            return refused;
        }
        return fail("expected " + reason + " but the check passed");
    }

    static void assertPasses(Check check) {
        try {
            check.run();
        } catch (CertificateRefused refused) {
            fail("expected to pass, refused " + refused.reason() + ": " + refused.detail());
        }
    }

    static CertificateVerdict.Rejected assertRejected(CertificateRejection reason, CertificateVerdict verdict) {
        CertificateVerdict.Rejected rejected = assertInstanceOf(CertificateVerdict.Rejected.class, verdict,
                () -> "expected " + reason + ", got " + verdict);
        assertEquals(reason, rejected.reason(), rejected.detail());
        return rejected;
    }

    static CertificateVerdict.Accepted assertAccepted(CertificateVerdict verdict) {
        return assertInstanceOf(CertificateVerdict.Accepted.class, verdict, () -> "expected Accepted, got " + verdict);
    }
}
