package si.bankart.prehod.login.rekono;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the IdP authenticates itself at Rekono's token endpoint (OIDC Core §9), written as the registration names. */
public enum TokenAuthMethod {
    CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, PRIVATE_KEY_JWT;

    @JsonCreator
    public static TokenAuthMethod parse(String value) {
        return Arrays.stream(values()).filter(m -> m.id().equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown token endpoint authentication method '"
                        + value + "' (expected client_secret_basic, client_secret_post or private_key_jwt)"));
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean usesSecret() {
        return this != PRIVATE_KEY_JWT;
    }
}
