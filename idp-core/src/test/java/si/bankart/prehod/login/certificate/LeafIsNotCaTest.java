package si.bankart.prehod.login.certificate;

import static si.bankart.prehod.login.certificate.CertificateAssertions.assertPasses;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRefused;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;
import static si.bankart.prehod.login.certificate.TestCertificates.path;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class LeafIsNotCaTest {

    private final LeafIsNotCa rule = new LeafIsNotCa();

    @Test
    void checkWhenEndEntityThenPasses() {
        assertPasses(() -> rule.check(path(leaf().build())));
    }

    @Test
    void checkWhenBasicConstraintsCaTrueThenCaCertificate() {
        assertRefused(CertificateRejection.CA_CERTIFICATE, () -> rule.check(path(leaf().ca(true).build())));
    }

    @Test
    void checkWhenKeyCertSignThenCaCertificate() {
        assertRefused(CertificateRejection.CA_CERTIFICATE, () -> rule.check(path(
                leaf().keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign, true).build())));
    }
}
