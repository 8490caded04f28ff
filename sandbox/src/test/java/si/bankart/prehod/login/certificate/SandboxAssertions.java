package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** One assertion per verdict type. */
final class SandboxAssertions {

    private SandboxAssertions() {
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
