package si.bankart.prehod.keys;

import java.util.List;

/** var/keys/signing-keys.yaml: the signing keys and their rollover states, written by {@code ./prehod keys}. */
public record KeyRingFile(List<RingKey> keys) {

    public KeyRingFile {
        keys = keys == null ? List.of() : List.copyOf(keys);
        if (keys.stream().filter(k -> k.state() == KeyState.ACTIVE).count() != 1) {
            throw new IllegalArgumentException("exactly one signing key must be ACTIVE");
        }
        if (keys.stream().filter(k -> k.state() == KeyState.NEXT).count() > 1) {
            throw new IllegalArgumentException("at most one signing key may be NEXT");
        }
        if (keys.stream().map(RingKey::id).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("two signing keys have the same id");
        }
    }
}
