package si.bankart.prehod.sp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The NameID formats we issue (SAML core §8.3). */
public enum NameIdFormat {
    PERSISTENT("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"),
    TRANSIENT("urn:oasis:names:tc:SAML:2.0:nameid-format:transient"),
    EMAIL("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
    UNSPECIFIED("urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");

    private final String uri;

    NameIdFormat(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static Optional<NameIdFormat> fromUri(String uri) {
        return Arrays.stream(values()).filter(f -> f.uri.equals(uri)).findFirst();
    }

    @JsonCreator
    public static NameIdFormat parse(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equals(name.toUpperCase(Locale.ROOT)) || f.uri.equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "unknown NameID format '" + name + "' (persistent, transient, email or unspecified)"));
    }
}
