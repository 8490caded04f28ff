package si.bankart.prehod.login.certificate;

import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;

/** The policy OIDs of a certificate's certificatePolicies extension (RFC 5280 §4.2.1.4). */
final class PolicyIdentifiers {

    private PolicyIdentifiers() {
    }

    /** The OIDs, or an empty set when the extension is absent or cannot be read (then no policy is proven). */
    static Set<String> of(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.certificatePolicies.getId());
        Set<String> oids = new LinkedHashSet<>();
        if (value == null) {
            return oids;
        }
        try {
            CertificatePolicies policies = CertificatePolicies.getInstance(ASN1OctetString.getInstance(value).getOctets());
            for (PolicyInformation information : policies.getPolicyInformation()) {
                oids.add(information.getPolicyIdentifier().getId());
            }
        } catch (IllegalArgumentException e) {
            oids.clear();
        }
        return oids;
    }
}
