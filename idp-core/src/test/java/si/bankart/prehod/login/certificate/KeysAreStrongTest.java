package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertPasses;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRefused;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;
import static si.bankart.prehod.login.certificate.TestCertificates.path;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KeysAreStrongTest {

    private final KeysAreStrong rule = new KeysAreStrong();

    @Test
    void checkWhenRsa2048ThenPasses() {
        assertPasses(() -> rule.check(path(leaf().build())));
    }

    @Test
    void checkWhenRsa1024LeafThenWeakKey() {
        CertificateRefused refused = assertRefused(CertificateRejection.WEAK_KEY,
                () -> rule.check(path(leaf().keys(TestCertificates.rsa1024()).build())));
        assertTrue(refused.detail().contains("1024 bits"), refused.detail());
    }

    @Test
    void checkWhenEcP256LeafThenPasses() {
        assertPasses(() -> rule.check(path(leaf().keys(TestCertificates.ecP256()).build())));
    }

    @Test
    void checkWhenIntermediateHasRsa1024ThenWeakKey() {
        TestCertificates.Authority weakCa = TestCertificates.subordinate(TestCertificates.root(),
                "CN=Weak Issuing CA,O=Test Bank,C=SI", TestCertificates.rsa1024(), "SHA256withRSA");
        var leaf = leaf().issuer(weakCa).build();
        ValidatedPath path = new ValidatedPath(List.of(leaf, weakCa.certificate()),
                new NamedTrustAnchor("root.pem", TestCertificates.root().certificate()));
        CertificateRefused refused = assertRefused(CertificateRejection.WEAK_KEY, () -> rule.check(path));
        assertTrue(refused.detail().startsWith("CA CN=Weak Issuing CA"), refused.detail());
    }

    @Test
    void weaknessWhenEcCurveBelow256BitsThenNamed() {
        assertEquals(Optional.of("EC key over a 224-bit curve, at least P-256 required"),
                KeysAreStrong.weakness(TestCertificates.generateEc("secp224r1").getPublic()));
    }

    @Test
    void weaknessWhenEcP384ThenNone() {
        assertEquals(Optional.empty(), KeysAreStrong.weakness(TestCertificates.generateEc("secp384r1").getPublic()));
    }

    @Test
    void weaknessWhenEd25519ThenNotAccepted() throws Exception {
        var key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertTrue(KeysAreStrong.weakness(key).orElseThrow().contains("not accepted"));
    }
}
