package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRefused;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.directory.User;
import si.bankart.prehod.directory.UserDirectory;

class CertificateToUserTest {

    private static final String SERIAL_NUMBER = "2.5.4.5";

    private static CertificateToUser rule(MappingRule rule, String attribute, String... linked) {
        User user = new User("u1001", Map.of(), List.of(), List.of(linked));
        return new CertificateToUser(new MappingConfig(rule, attribute), new UserDirectory(List.of(user)));
    }

    @Test
    void readWhenIssuerAndSerialThenIssuerDnHashLowerCaseHex() throws Exception {
        X509Certificate certificate = leaf().serial(new BigInteger("0ABCDEF012", 16)).build();
        assertEquals("CN=Test Issuing CA,O=Test Bank,C=SI#abcdef012",
                rule(MappingRule.ISSUER_AND_SERIAL, null).read(certificate));
    }

    @Test
    void readWhenSubjectDnThenRfc2253String() throws Exception {
        assertEquals("CN=Janez Novak,SERIALNUMBER=TINSI-12345678,OU=Users,O=Test Bank,C=SI",
                rule(MappingRule.SUBJECT_DN, null).read(leaf().build()));
    }

    @Test
    void readWhenSubjectAttributeSerialNumberThenItsValue() throws Exception {
        assertEquals("TINSI-12345678", rule(MappingRule.SUBJECT_ATTRIBUTE, SERIAL_NUMBER).read(leaf().build()));
    }

    @Test
    void readWhenSanEmailThenAddressWithDomainLowerCased() throws Exception {
        assertEquals("Janez.Novak@example.si",
                rule(MappingRule.SAN_EMAIL, null).read(leaf().email("Janez.Novak@EXAMPLE.si").build()));
    }

    @Test
    void mapWhenLinkedThenUserAndValue() throws Exception {
        CertificateToUser.MappedUser mapped = rule(MappingRule.SUBJECT_ATTRIBUTE, SERIAL_NUMBER, "TINSI-12345678")
                .map(leaf().build());
        assertEquals("u1001", mapped.user().id());
        assertEquals("TINSI-12345678", mapped.value());
    }

    @Test
    void mapWhenValidButNotLinkedThenNotRegistered() {
        assertRefused(CertificateRejection.NOT_REGISTERED,
                () -> rule(MappingRule.SUBJECT_ATTRIBUTE, SERIAL_NUMBER, "TINSI-99999999").map(leaf().build()));
    }

    /** A subscriber who chooses their CN must not become someone else by writing that person's number into it. */
    @Test
    void mapWhenCnContainsAnotherUsersSerialNumberThenNotRegistered() {
        X509Certificate attack = leaf().subject("CN=x\\,SERIALNUMBER=TINSI-12345678,O=Test Bank,C=SI").build();
        CertificateToUser bySerial = rule(MappingRule.SUBJECT_ATTRIBUTE, SERIAL_NUMBER, "TINSI-12345678");
        assertEquals(Optional.empty(), bySerial.valueOf(attack));
        assertRefused(CertificateRejection.NOT_REGISTERED, () -> bySerial.map(attack));
        X509Certificate inCn = leaf().subject("CN=TINSI-12345678,O=Test Bank,C=SI").build();
        assertRefused(CertificateRejection.NOT_REGISTERED, () -> bySerial.map(inCn));
    }

    @Test
    void mapWhenCnContainsTheLinkedDnThenNotRegistered() {
        CertificateToUser byDn = rule(MappingRule.SUBJECT_DN, null, TestCertificates.SUBJECT);
        X509Certificate attack = leaf().subject("CN=Janez Novak\\,SERIALNUMBER=TINSI-12345678\\,OU=Users\\,O=Test Bank\\,C=SI").build();
        assertRefused(CertificateRejection.NOT_REGISTERED, () -> byDn.map(attack));
    }

    @Test
    void mapWhenSerialNumberAttributeTwiceWithDifferentValuesThenNotRegistered() {
        X509Certificate twice = leaf().subject("CN=A,SERIALNUMBER=TINSI-12345678,SERIALNUMBER=TINSI-2,C=SI").build();
        assertRefused(CertificateRejection.NOT_REGISTERED,
                () -> rule(MappingRule.SUBJECT_ATTRIBUTE, SERIAL_NUMBER, "TINSI-12345678").map(twice));
    }

    @Test
    void mapWhenTwoSanEmailsThenNotRegistered() {
        X509Certificate two = leaf().email("a@example.si").email("b@example.si").build();
        assertRefused(CertificateRejection.NOT_REGISTERED,
                () -> rule(MappingRule.SAN_EMAIL, null, "a@example.si").map(two));
    }

    @Test
    void mapWhenNoSanEmailThenNotRegistered() {
        assertRefused(CertificateRejection.NOT_REGISTERED,
                () -> rule(MappingRule.SAN_EMAIL, null, "a@example.si").map(leaf().build()));
    }
}
