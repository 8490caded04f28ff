package si.bankart.prehod.protocol;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The RelayState an SP sent, echoed back to it exactly as it came (SAML bindings §3.4.3, §3.5.3). Opaque to us and
 * never a redirect target, so any string is one; the configured byte limit is a rule of the request
 * ({@code RelayStateFitsLimit}), not of the value. No RelayState at all is an empty Optional, never null.
 */
public record RelayState(String value) {

    public RelayState {
        if (value == null) {
            throw new IllegalArgumentException("a RelayState must not be null: no RelayState is an empty Optional");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RelayState of(String value) {
        return new RelayState(value);
    }

    /** Its length as the bindings' limit counts it. */
    public int bytes() {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
