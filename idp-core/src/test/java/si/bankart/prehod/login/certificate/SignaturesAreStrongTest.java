package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertPasses;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRefused;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;
import static si.bankart.prehod.login.certificate.TestCertificates.path;

import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

class SignaturesAreStrongTest {

    private final SignaturesAreStrong rule = new SignaturesAreStrong();

    @Test
    void checkWhenSha256ThenPasses() {
        assertPasses(() -> rule.check(path(leaf().build())));
    }

    @Test
    void checkWhenLeafSignedWithSha1ThenWeakSignature() {
        CertificateRefused refused = assertRefused(CertificateRejection.WEAK_SIGNATURE,
                () -> rule.check(path(leaf().signatureAlgorithm("SHA1withRSA").build())));
        assertTrue(refused.detail().contains("SHA1withRSA"), refused.detail());
    }

    @Test
    void checkWhenIntermediateSignedWithSha1ThenWeakSignature() {
        TestCertificates.Authority sha1Ca = TestCertificates.subordinate(TestCertificates.root(),
                "CN=SHA-1 Issuing CA,O=Test Bank,C=SI", TestCertificates.rsa2048(), "SHA1withRSA");
        var leaf = leaf().issuer(sha1Ca).build();
        ValidatedPath path = new ValidatedPath(List.of(leaf, sha1Ca.certificate()),
                new NamedTrustAnchor("root.pem", TestCertificates.root().certificate()));
        assertRefused(CertificateRejection.WEAK_SIGNATURE, () -> rule.check(path));
    }

    @Test
    void brokenWhenMd5OrEcdsaSha1ThenNamed() {
        assertEquals(Optional.of("MD5withRSA"), SignaturesAreStrong.broken("1.2.840.113549.1.1.4", null));
        assertEquals(Optional.of("SHA1withECDSA"), SignaturesAreStrong.broken("1.2.840.10045.4.1", null));
        assertEquals(Optional.empty(), SignaturesAreStrong.broken("1.2.840.10045.4.3.2", null));
    }

    @Test
    void brokenWhenRsassaPssWithSha1OrDefaultHashThenNamed() throws Exception {
        RSASSAPSSparams sha1 = new RSASSAPSSparams(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE),
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                RSASSAPSSparams.DEFAULT_SALT_LENGTH, RSASSAPSSparams.DEFAULT_TRAILER_FIELD);
        assertEquals(Optional.of("RSASSA-PSS with SHA-1"),
                SignaturesAreStrong.broken("1.2.840.113549.1.1.10", sha1.getEncoded()));
        assertEquals(Optional.of("RSASSA-PSS with default (SHA-1) hash"),
                SignaturesAreStrong.broken("1.2.840.113549.1.1.10", null));
        RSASSAPSSparams sha256 = new RSASSAPSSparams(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new org.bouncycastle.asn1.ASN1Integer(32), RSASSAPSSparams.DEFAULT_TRAILER_FIELD);
        assertEquals(Optional.empty(), SignaturesAreStrong.broken("1.2.840.113549.1.1.10", sha256.getEncoded()));
    }
}
