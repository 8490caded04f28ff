package si.bankart.prehod.directory;

import java.util.Map;
import java.util.Optional;

import si.bankart.prehod.config.IdpConfig;

/** A bank user: a stable id and the attributes portals may receive. */
public record User(String id, Map<String, String> attributes) {

    public User {
        IdpConfig.require(id, "users[].id");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
