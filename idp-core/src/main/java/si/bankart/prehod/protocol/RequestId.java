package si.bankart.prehod.protocol;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The ID of a SAML request, and the InResponseTo of the answer to it. Refuses only a blank value, which is what
 * {@code RequestIdIsNotReplayed} refuses: xs:ID is an NCName (SAML core §1.3.4), but OpenSAML does not check that
 * and neither do we, so a stricter type would start refusing requests that SPs send today.
 */
public record RequestId(String value) {

    public RequestId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a SAML request ID must not be blank");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RequestId of(String value) {
        return new RequestId(value);
    }

    /** The ID of a message not yet (or never) checked: empty when it has none a reply could name. */
    public static Optional<RequestId> from(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new RequestId(value));
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
