package si.bankart.prehod.sandbox.rekono.account;

import java.util.Objects;
import java.util.Optional;
import si.bankart.prehod.sandbox.rekono.factor.TotpSecret;

/**
 * A Rekono user account: a stable subject identifier, the e-mail used to log in, the password hash, the mobile number
 * that receives SMS codes, the trust level and the second factors enrolled.
 */
public record Account(
        String sub,
        String email,
        PasswordHash password,
        MobileNumber mobile,
        int trustLevel,
        String givenName,
        String familyName,
        Optional<TotpSecret> totpSecret,
        Optional<LinkedCertificate> certificate) {

    public static final int MIN_TRUST_LEVEL = 1;
    public static final int MAX_TRUST_LEVEL = 3;

    public Account {
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(totpSecret, "totpSecret");
        Objects.requireNonNull(certificate, "certificate");
        if (trustLevel < MIN_TRUST_LEVEL || trustLevel > MAX_TRUST_LEVEL) {
            throw new IllegalArgumentException("trust level must be 1..3, was " + trustLevel);
        }
    }

    public Account withTotpSecret(TotpSecret secret) {
        return new Account(sub, email, password, mobile, trustLevel, givenName, familyName, Optional.of(secret),
                certificate);
    }

    /** Given and family name joined, or empty when the user never gave them (self-registered accounts). */
    public Optional<String> fullName() {
        String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }
}
