package si.bankart.prehod.linking;

import java.time.Instant;

/**
 * A Rekono account linked to a bank user at run time (next to the links of conf/users.yaml).
 *
 * @param via how it was linked: {@code activation-code} or {@code certificate}
 */
public record AccountLink(String userId, String issuer, String subject, String accountLabel, Instant linked, String via) {
}
