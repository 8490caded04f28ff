package si.bankart.prehod.sandbox.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each odd certificate the certificate-login tests need, with exactly the property asked for and no other change. */
class EndEntityCertificateBuilderTest {

    private static TestSandboxCa sandbox;
    private static CertificateAuthority issuing;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = TestSandboxCa.get();
        issuing = sandbox.ca.sandboxIssuing();
    }

    private static EndEntityCertificateBuilder valid() {
        return issuing.endEntity(sandbox.clock).keyPair(sandbox.leafKey());
    }

    @Test
    void defaultsThenCurrentClientCertificateWithRevocationPointersSignedSha256() throws Exception {
        X509Certificate certificate = valid().issue().certificate();
        certificate.verify(issuing.certificate().getPublicKey());
        certificate.checkValidity();
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
        assertEquals(-1, certificate.getBasicConstraints());
        assertEquals(List.of(KeyPurpose.CLIENT_AUTH.oid()), certificate.getExtendedKeyUsage());
        assertArrayEquals(keyUsage(0), Arrays.copyOf(certificate.getKeyUsage(), 9));
        assertEquals(issuing.pointers().ocsp().toString(), ocspUrl(certificate));
        assertEquals(issuing.pointers().crl().toString(), crlUrl(certificate));
        assertNull(certificate.getExtensionValue(Extension.certificatePolicies.getId()));
        assertNull(certificate.getSubjectAlternativeNames());
    }

    @Test
    void defaultValidityComesFromTheInjectedClock() {
        Instant frozen = Instant.parse("2030-06-01T12:00:00Z");
        X509Certificate certificate = issuing.endEntity(java.time.Clock.fixed(frozen, java.time.ZoneOffset.UTC))
                .keyPair(sandbox.leafKey()).issue().certificate();
        assertEquals(frozen.minus(Duration.ofMinutes(5)), certificate.getNotBefore().toInstant());
        assertEquals(frozen.plus(Duration.ofDays(365)), certificate.getNotAfter().toInstant());
    }

    @Test
    void sha1SignatureThenSignedSha1WithRsaAndStillVerifies() throws Exception {
        X509Certificate certificate = valid().signatureAlgorithm(SignatureAlgorithm.SHA1_WITH_RSA).issue().certificate();
        assertEquals("SHA1withRSA", certificate.getSigAlgName());
        assertEquals("1.2.840.113549.1.1.5", certificate.getSigAlgOID());
        certificate.verify(issuing.certificate().getPublicKey());
    }

    @Test
    void rsa1024KeyThen1024BitModulus() {
        X509Certificate certificate = issuing.endEntity(sandbox.clock).keyType(KeyType.RSA_1024).issue().certificate();
        assertEquals(1024, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
    }

    @Test
    void ecP256KeyThenEcKeyOnA256BitCurveSignedByTheRsaCa() throws Exception {
        IssuedCertificate issued = issuing.endEntity(sandbox.clock).keyType(KeyType.EC_P256).issue();
        ECPublicKey key = assertInstanceOf(ECPublicKey.class, issued.certificate().getPublicKey());
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals("EC", issued.privateKey().getAlgorithm());
        assertEquals("SHA256withRSA", issued.certificate().getSigAlgName());
    }

    @Test
    void caTrueOnLeafThenBasicConstraintsSayCaWithoutPathLimit() throws Exception {
        X509Certificate certificate = valid().certificateAuthority(true).issue().certificate();
        assertEquals(Integer.MAX_VALUE, certificate.getBasicConstraints());
        assertEquals(List.of(KeyPurpose.CLIENT_AUTH.oid()), certificate.getExtendedKeyUsage());
    }

    @Test
    void noExtendedKeyUsageThenExtensionAbsent() throws Exception {
        X509Certificate certificate = valid().extendedKeyUsage().issue().certificate();
        assertNull(certificate.getExtendedKeyUsage());
        assertNull(certificate.getExtensionValue(Extension.extendedKeyUsage.getId()));
    }

    @Test
    void serverAuthOnlyThenOnlyServerAuth() throws Exception {
        X509Certificate certificate = valid().extendedKeyUsage(KeyPurpose.SERVER_AUTH).issue().certificate();
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage());
    }

    @Test
    void keyUsageChosenThenExactlyThoseBitsAndNoneMeansAbsent() {
        X509Certificate encipherment = valid().keyUsage(KeyUsageBit.KEY_ENCIPHERMENT).issue().certificate();
        assertArrayEquals(keyUsage(2), Arrays.copyOf(encipherment.getKeyUsage(), 9));
        X509Certificate none = valid().keyUsage().issue().certificate();
        assertNull(none.getKeyUsage());
    }

    @Test
    void notYetValidThenRejectedByCheckValidityNow() {
        Instant now = sandbox.clock.instant();
        X509Certificate certificate = valid().validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))
                .issue().certificate();
        assertThrows(CertificateNotYetValidException.class, () -> certificate.checkValidity(Date.from(now)));
    }

    @Test
    void expiredThenRejectedByCheckValidityNow() {
        Instant now = sandbox.clock.instant();
        X509Certificate certificate = valid().validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))
                .issue().certificate();
        assertThrows(CertificateExpiredException.class, () -> certificate.checkValidity(Date.from(now)));
    }

    @Test
    void policiesAndSubjectAndEmailThenCarriedAsGiven() throws Exception {
        X509Certificate certificate = valid().subject("CN=Test Person,O=Somewhere,C=SI")
                .policies("2.999.1.1", "2.999.7").email("test.person@example.si").issue().certificate();
        assertEquals("CN=Test Person,O=Somewhere,C=SI", certificate.getSubjectX500Principal().getName());
        CertificatePolicies policies = CertificatePolicies.getInstance(ASN1OctetString.getInstance(
                certificate.getExtensionValue(Extension.certificatePolicies.getId())).getOctets());
        assertEquals(List.of("2.999.1.1", "2.999.7"), Arrays.stream(policies.getPolicyInformation())
                .map(PolicyInformation::getPolicyIdentifier).map(Object::toString).toList());
        assertEquals(List.of(List.of(1, "test.person@example.si")),
                certificate.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
    }

    @Test
    void withoutRevocationPointersThenNoAiaAndNoCrlDistributionPoint() {
        X509Certificate certificate = valid().withoutRevocationPointers().issue().certificate();
        assertNull(certificate.getExtensionValue(Extension.authorityInfoAccess.getId()));
        assertNull(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId()));
    }

    @Test
    void issuedCertificateWhenWrittenAsPkcs12ThenReadBackWithKeyAndChain(@TempDir Path directory) throws Exception {
        IssuedCertificate issued = valid().issue();
        Path file = directory.resolve("test.p12");
        issued.writePkcs12(file, "test", "secret".toCharArray());
        IssuedCertificate read = IssuedCertificate.readPkcs12(file, "secret".toCharArray());
        assertEquals(issued.certificate(), read.certificate());
        assertEquals(issued.chain(), read.chain());
        assertArrayEquals(issued.privateKey().getEncoded(), read.privateKey().getEncoded());
        assertEquals(3, read.chain().size());
        assertEquals(sandbox.ca.sandboxRoot().certificate(), read.chain().get(2));
        assertEquals(List.of(file), Files.list(directory).toList(), "no temporary file left behind");
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        IssuedCertificate issued = valid().issue();
        assertFalse(issued.toString().contains(privateExponent(issued.privateKey())));
        assertFalse(issuing.toString().contains(privateExponent(issuing.privateKey())));
        assertFalse(issued.toString().contains(privateExponent(issuing.privateKey())));
    }

    private static String privateExponent(java.security.PrivateKey key) {
        return ((RSAPrivateKey) key).getPrivateExponent().toString(16).substring(0, 16);
    }

    private static boolean[] keyUsage(int bit) {
        boolean[] bits = new boolean[9];
        bits[bit] = true;
        return bits;
    }

    static String ocspUrl(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        assertNotNull(value, "authorityInfoAccess");
        AccessDescription[] descriptions = AuthorityInformationAccess.getInstance(
                ASN1OctetString.getInstance(value).getOctets()).getAccessDescriptions();
        assertEquals(1, descriptions.length);
        assertEquals(AccessDescription.id_ad_ocsp, descriptions[0].getAccessMethod());
        return descriptions[0].getAccessLocation().getName().toString();
    }

    static String crlUrl(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        assertNotNull(value, "cRLDistributionPoints");
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
        GeneralName[] names = GeneralNames.getInstance(
                points.getDistributionPoints()[0].getDistributionPoint().getName()).getNames();
        assertEquals(GeneralName.uniformResourceIdentifier, names[0].getTagNo());
        return names[0].getName().toString();
    }
}
