package si.bankart.prehod.keys;

import java.time.Instant;

/** What {@code ./prehod keys status} shows of one key: never the key itself. */
public record KeyDescription(String id, KeyState state, String sha256Fingerprint, Instant notAfter, String location) {
}
