package si.bankart.prehod.sandbox.rekono.factor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The second factors of the confirmation window, with the trust levels that may use each, the highest trust level each
 * can prove (its ceiling) and its RFC 8176 "amr" value.
 */
public enum Factor {
    SMS(1, 2, 2, "sms"),
    OTP(1, 3, 2, "otp"),
    PUSH(2, 3, 2, "pop"),
    CERTIFICATE(3, 3, 3, "swk");

    private final int lowestLevel;
    private final int highestLevel;
    private final int ceiling;
    private final String amr;

    Factor(int lowestLevel, int highestLevel, int ceiling, String amr) {
        this.lowestLevel = lowestLevel;
        this.highestLevel = highestLevel;
        this.ceiling = ceiling;
        this.amr = amr;
    }

    /** Level 1: SMS, OTP; level 2: SMS, OTP, push; level 3: OTP, push, certificate. */
    public boolean allowedAt(int trustLevel) {
        return trustLevel >= lowestLevel && trustLevel <= highestLevel;
    }

    /** The trust level a login with this factor proves: the account's level, capped by the factor's ceiling. */
    public int provenLevel(int trustLevel) {
        return Math.min(trustLevel, ceiling);
    }

    public String amr() {
        return amr;
    }

    /** The lower-case name used in forms and URLs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Factor> fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }

    /** The factors an account of this trust level may use that prove at least the required level. */
    public static List<Factor> reaching(int trustLevel, int requiredLevel) {
        return Arrays.stream(values())
                .filter(f -> f.allowedAt(trustLevel) && f.provenLevel(trustLevel) >= requiredLevel).toList();
    }
}
