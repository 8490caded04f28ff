package si.bankart.prehod.sandbox.ca;

import java.net.URI;
import java.util.Objects;

import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Where relying parties ask about the certificates one CA issued: the OCSP URL written into the
 * authorityInfoAccess extension and the CRL URL written into cRLDistributionPoints.
 */
public record RevocationPointers(URI ocsp, URI crl) {

    public RevocationPointers {
        Objects.requireNonNull(ocsp, "ocsp");
        Objects.requireNonNull(crl, "crl");
    }

    /** The sandbox layout: one OCSP responder for every CA, one CRL per CA ({@code /crl/<ca name>.crl}). */
    public static RevocationPointers under(URI baseUrl, String caName) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return new RevocationPointers(URI.create(base + "/ocsp"), URI.create(base + "/crl/" + caName + ".crl"));
    }

    AuthorityInformationAccess authorityInformationAccess() {
        return new AuthorityInformationAccess(new AccessDescription(
                AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocsp.toString())));
    }

    CRLDistPoint crlDistributionPoints() {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crl.toString()));
        return new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(names), null, null)});
    }
}
