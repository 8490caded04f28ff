package si.bankart.prehod.login.certificate;

import java.util.Map;

import javax.security.auth.x500.X500Principal;

/**
 * The one string form of a distinguished name used for mapping, configuration and logs: RFC 2253 (most specific
 * first, RFC 2253 §2.3 escaping), with the keywords of RFC 4519 and RFC 5280 appendix A for attributes that bank
 * certificates carry, so an operator reads {@code SERIALNUMBER=TINSI-12345678} rather than the hex form RFC 2253
 * §2.4 prescribes for attributes without a keyword.
 */
final class DistinguishedName {

    private static final Map<String, String> KEYWORDS = Map.of(
            "2.5.4.5", "SERIALNUMBER",
            "2.5.4.4", "SURNAME",
            "2.5.4.42", "GIVENNAME",
            "2.5.4.12", "T",
            "2.5.4.97", "ORGANIZATIONIDENTIFIER",
            "1.2.840.113549.1.9.1", "EMAILADDRESS");

    private DistinguishedName() {
    }

    static String text(X500Principal name) {
        return name.getName(X500Principal.RFC2253, KEYWORDS);
    }
}
