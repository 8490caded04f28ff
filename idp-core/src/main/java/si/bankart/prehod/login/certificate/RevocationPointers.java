package si.bankart.prehod.login.certificate;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The OCSP and CRL URLs a certificate names: authorityInfoAccess id-ad-ocsp (RFC 5280 §4.2.2.1) and
 * cRLDistributionPoints (RFC 5280 §4.2.1.13). Only http and https URLs; an unreadable extension names none.
 */
final class RevocationPointers {

    private RevocationPointers() {
    }

    static List<URI> ocsp(X509Certificate certificate) {
        List<URI> urls = new ArrayList<>();
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return urls;
        }
        try {
            AuthorityInformationAccess access =
                    AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(value).getOctets());
            for (AccessDescription description : access.getAccessDescriptions()) {
                if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())) {
                    http(description.getAccessLocation(), urls);
                }
            }
        } catch (IllegalArgumentException e) {
            urls.clear();
        }
        return urls;
    }

    /**
     * URLs of distribution points that give the full CRL of the certificate's own issuer: points limited to some
     * reasons or naming another cRLIssuer (indirect CRLs) are skipped, since we do not process them.
     */
    static List<URI> crl(X509Certificate certificate) {
        List<URI> urls = new ArrayList<>();
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return urls;
        }
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (point.getReasons() != null || point.getCRLIssuer() != null || name == null
                        || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    http(general, urls);
                }
            }
        } catch (IllegalArgumentException e) {
            urls.clear();
        }
        return urls;
    }

    private static void http(GeneralName name, List<URI> urls) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return;
        }
        try {
            URI url = URI.create(((ASN1String) name.getName()).getString());
            urls.add(RevocationConfig.requireHttp(url, "URL"));
        } catch (IllegalArgumentException | ClassCastException e) {
            // ldap:// and malformed URLs are not fetched.
        }
    }
}
