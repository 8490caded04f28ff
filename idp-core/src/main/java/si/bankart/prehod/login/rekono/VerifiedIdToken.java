package si.bankart.prehod.login.rekono;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * An ID token that passed every check of {@link IdTokenCheck}, reduced to what the login needs.
 *
 * @param serialized the token as received, kept for {@code id_token_hint} at logout
 */
record VerifiedIdToken(String subject, LevelOfAssurance loa, String acr, Optional<Instant> authTime, List<String> amr,
        Optional<String> email, boolean emailVerified, String serialized) {

    VerifiedIdToken {
        amr = List.copyOf(amr);
    }
}
