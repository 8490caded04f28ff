package si.bankart.prehod.login.certificate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

import si.bankart.prehod.directory.User;
import si.bankart.prehod.directory.UserDirectory;

/**
 * Finds the bank user a validated certificate belongs to, by the configured {@link MappingRule}: reads one value of
 * the certificate and looks it up with {@link UserDirectory#findByCertificate}. Values are read from their ASN.1
 * structure, never by searching text: a CN such as {@code "x,SERIALNUMBER=TINSI-12345678"} is one CN, not a
 * serialNumber.
 * <p>
 * Rejects with {@link CertificateRejection#NOT_REGISTERED} when the certificate has no such value, has it more than
 * once, or no user is linked to it.
 */
public final class CertificateToUser {

    /** A certificate's user and the value that linked them. */
    public record MappedUser(String value, User user) {
    }

    private final MappingConfig mapping;
    private final UserDirectory directory;

    public CertificateToUser(MappingConfig mapping, UserDirectory directory) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    MappedUser map(X509Certificate certificate) throws CertificateRefused {
        String value = read(certificate);
        User user = directory.findByCertificate(value).orElseThrow(() -> new CertificateRefused(
                CertificateRejection.NOT_REGISTERED, "no user is linked to " + mapping.rule() + " '" + value + "'"));
        return new MappedUser(value, user);
    }

    /** The value the rule reads from {@code certificate}, as users.yaml must list it under {@code certificates}. */
    public String read(X509Certificate certificate) throws CertificateRefused {
        return switch (mapping.rule()) {
            case ISSUER_AND_SERIAL -> DistinguishedName.text(certificate.getIssuerX500Principal()) + "#"
                    + certificate.getSerialNumber().toString(16);
            case SUBJECT_DN -> subjectDn(certificate);
            case SUBJECT_ATTRIBUTE -> exactlyOne(subjectAttribute(certificate, mapping.attribute()),
                    "subject attribute " + mapping.attribute());
            case SAN_EMAIL -> exactlyOne(sanEmails(certificate), "subjectAltName e-mail address");
        };
    }

    private static String subjectDn(X509Certificate certificate) throws CertificateRefused {
        String dn = DistinguishedName.text(certificate.getSubjectX500Principal());
        if (dn.isEmpty()) {
            throw new CertificateRefused(CertificateRejection.NOT_REGISTERED, "client certificate has an empty subject");
        }
        return dn;
    }

    private static List<String> subjectAttribute(X509Certificate certificate, String oid) throws CertificateRefused {
        ASN1ObjectIdentifier type = new ASN1ObjectIdentifier(oid);
        List<String> values = new ArrayList<>();
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue pair : rdn.getTypesAndValues()) {
                if (pair.getType().equals(type)) {
                    values.add(text(pair.getValue(), oid));
                }
            }
        }
        return values;
    }

    private static String text(ASN1Encodable value, String oid) throws CertificateRefused {
        if (value instanceof ASN1String string) {
            return string.getString();
        }
        throw new CertificateRefused(CertificateRejection.NOT_REGISTERED, "subject attribute " + oid + " is not a string");
    }

    private static List<String> sanEmails(X509Certificate certificate) throws CertificateRefused {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateRefused(CertificateRejection.NOT_REGISTERED, "subjectAltName cannot be parsed");
        }
        List<String> emails = new ArrayList<>();
        if (names != null) {
            for (List<?> name : names) {
                // RFC 5280 §4.2.1.6: GeneralName [1] rfc822Name; the JDK reports its tag as the first element.
                if (Integer.valueOf(1).equals(name.get(0)) && name.get(1) instanceof String email) {
                    emails.add(normalizeEmail(email));
                }
            }
        }
        return emails;
    }

    /** RFC 5321 §2.4: the local part is case-sensitive, the domain is not. */
    private static String normalizeEmail(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT);
    }

    private static String exactlyOne(List<String> values, String what) throws CertificateRefused {
        List<String> distinct = values.stream().distinct().toList();
        if (distinct.isEmpty()) {
            throw new CertificateRefused(CertificateRejection.NOT_REGISTERED, "client certificate has no " + what);
        }
        if (distinct.size() > 1) {
            throw new CertificateRefused(CertificateRejection.NOT_REGISTERED,
                    "client certificate has " + distinct.size() + " values of " + what + "; which one names the user is ambiguous");
        }
        return distinct.get(0);
    }

    /** For tests and tooling: the value, or empty when the certificate has none (or several). */
    public Optional<String> valueOf(X509Certificate certificate) {
        try {
            return Optional.of(read(certificate));
        } catch (CertificateRefused e) {
            return Optional.empty();
        }
    }
}
