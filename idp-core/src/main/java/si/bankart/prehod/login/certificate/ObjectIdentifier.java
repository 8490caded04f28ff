package si.bankart.prehod.login.certificate;

import java.util.regex.Pattern;

/**
 * An ASN.1 object identifier in dotted form (X.660), e.g. {@code 2.5.4.5}, as configuration names certificate
 * policies and subject attributes. Names such as "serialNumber" are not accepted: they are ambiguous across tools.
 */
record ObjectIdentifier(String value) {

    // X.660: first arc 0, 1 or 2; at least two arcs; no leading zeros in an arc.
    private static final Pattern DOTTED = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    ObjectIdentifier {
        if (value == null || !DOTTED.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an object identifier (dotted digits such as 2.5.4.5)");
        }
    }

    /** Checks {@code value} as an OID and returns it; the message names the configuration key. */
    static String require(String value, String key) {
        try {
            return new ObjectIdentifier(value).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }
}
