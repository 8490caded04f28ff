package si.bankart.prehod.protocol;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A SAML entityID: of an SP (an Issuer, an Audience, a session's portal) or of this IdP. Refuses a blank value, one
 * longer than {@value #MAX_LENGTH} characters (SAML metadata §2.2.1, core §8.3.6) and one that {@link String#trim()}
 * would change. That is what got through before it existed: OpenSAML trims a metadata entityID and refuses a longer
 * one, and the Issuer of a request is trimmed before it is looked up. Stored as its plain string, so records written
 * before it existed still read.
 */
public record EntityId(String value) {

    public static final int MAX_LENGTH = 1024;

    public EntityId {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Why {@code value} is no entityID, or empty when it is one. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("an entityID must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("an entityID is at most " + MAX_LENGTH + " characters (SAML metadata §2.2.1), this one"
                    + " has " + value.length());
        }
        if (!value.trim().equals(value)) {
            return Optional.of("an entityID must not start or end with whitespace: '" + value + "'");
        }
        return Optional.empty();
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EntityId of(String value) {
        return new EntityId(value);
    }

    /** For a value from outside (an Issuer, a query parameter) that is simply unknown when it is no entityID. */
    public static Optional<EntityId> from(String value) {
        return problem(value).isEmpty() ? Optional.of(new EntityId(value)) : Optional.empty();
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
