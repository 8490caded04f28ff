package si.bankart.prehod.sandbox.rekono.oidc;

import java.time.Instant;
import java.util.List;

/** What a finished login proved: who, at which trust level, with which methods (RFC 8176 amr), and when. */
public record Authentication(String sub, int trustLevel, List<String> amr, Instant authTime) {

    public Authentication {
        amr = List.copyOf(amr);
    }
}
