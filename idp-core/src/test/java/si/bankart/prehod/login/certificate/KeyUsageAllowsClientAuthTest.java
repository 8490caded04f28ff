package si.bankart.prehod.login.certificate;

import static si.bankart.prehod.login.certificate.CertificateAssertions.assertPasses;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRefused;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;
import static si.bankart.prehod.login.certificate.TestCertificates.path;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class KeyUsageAllowsClientAuthTest {

    private final KeyUsageAllowsClientAuth strict = new KeyUsageAllowsClientAuth(MissingExtendedKeyUsage.REJECT);
    private final KeyUsageAllowsClientAuth lenient = new KeyUsageAllowsClientAuth(MissingExtendedKeyUsage.ACCEPT);

    @Test
    void checkWhenDigitalSignatureAndClientAuthThenPasses() {
        assertPasses(() -> strict.check(path(leaf().build())));
    }

    @Test
    void checkWhenKeyUsageNotCriticalThenStillRead() {
        assertPasses(() -> strict.check(path(leaf().keyUsage(KeyUsage.digitalSignature, false).build())));
        assertRefused(CertificateRejection.KEY_USAGE,
                () -> strict.check(path(leaf().keyUsage(KeyUsage.keyEncipherment, false).build())));
    }

    @Test
    void checkWhenExtendedKeyUsageCriticalThenStillRead() {
        assertPasses(() -> strict.check(path(leaf().extendedKeyUsage(true, KeyPurposeId.id_kp_clientAuth).build())));
        assertRefused(CertificateRejection.KEY_USAGE,
                () -> strict.check(path(leaf().extendedKeyUsage(true, KeyPurposeId.id_kp_serverAuth).build())));
    }

    @Test
    void checkWhenKeyUsageLacksDigitalSignatureThenKeyUsage() {
        assertRefused(CertificateRejection.KEY_USAGE,
                () -> strict.check(path(leaf().keyUsage(KeyUsage.keyEncipherment | KeyUsage.nonRepudiation, true).build())));
    }

    @Test
    void checkWhenNoKeyUsageExtensionThenKeyUsage() {
        assertRefused(CertificateRejection.KEY_USAGE, () -> strict.check(path(leaf().keyUsage(null, true).build())));
    }

    @Test
    void checkWhenServerAuthOnlyThenKeyUsage() {
        assertRefused(CertificateRejection.KEY_USAGE,
                () -> strict.check(path(leaf().extendedKeyUsage(false, KeyPurposeId.id_kp_serverAuth,
                        KeyPurposeId.id_kp_emailProtection).build())));
    }

    @Test
    void checkWhenAnyExtendedKeyUsageOnlyThenKeyUsage() {
        assertRefused(CertificateRejection.KEY_USAGE,
                () -> strict.check(path(leaf().extendedKeyUsage(false, KeyPurposeId.anyExtendedKeyUsage).build())));
    }

    @Test
    void checkWhenNoExtendedKeyUsageAndPolicyRejectThenKeyUsage() {
        assertRefused(CertificateRejection.KEY_USAGE, () -> strict.check(path(leaf().extendedKeyUsage(false).build())));
    }

    @Test
    void checkWhenNoExtendedKeyUsageAndPolicyAcceptThenPasses() {
        assertPasses(() -> lenient.check(path(leaf().extendedKeyUsage(false).build())));
    }

    @Test
    void checkWhenNoExtendedKeyUsageAndPolicyAcceptButNoDigitalSignatureThenKeyUsage() {
        assertRefused(CertificateRejection.KEY_USAGE, () -> lenient.check(path(
                leaf().extendedKeyUsage(false).keyUsage(KeyUsage.keyEncipherment, true).build())));
    }
}
