package si.bankart.prehod.sandbox.rekono.account;

import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The qualified certificate linked to a level-3 account, identified by its subject DN.
 *
 * <p>The link is the subject DN rather than issuer and serial number so that it survives regenerating the sandbox CA.
 * Every attribute named in the link must be present in the certificate's subject with the same value; attributes the
 * link does not name (a serialNumber the CA adds, for instance) may be present. Order and spacing do not matter.
 */
public record LinkedCertificate(String subjectDn) {

    public LinkedCertificate {
        if (rdns(subjectDn).isEmpty()) {
            throw new IllegalArgumentException("empty subject DN in certificate link");
        }
    }

    public boolean matches(X509Certificate certificate) {
        Set<Rdn> presented = new HashSet<>(rdns(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)));
        return presented.containsAll(rdns(subjectDn));
    }

    private static List<Rdn> rdns(String dn) {
        try {
            return new LdapName(new X500Principal(dn).getName(X500Principal.RFC2253)).getRdns();
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a distinguished name: " + dn, e);
        }
    }
}
