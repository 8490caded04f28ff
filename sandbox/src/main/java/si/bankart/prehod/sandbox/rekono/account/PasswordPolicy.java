package si.bankart.prehod.sandbox.rekono.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a new password may be used: at least {@value #MIN_LENGTH} characters and not on the bundled list of
 * common passwords (NIST SP 800-63B §5.1.1.2: compare against known-compromised values instead of composition rules).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    private static final String COMMON_PASSWORDS = "/rekono/common-passwords.txt";

    /** Why a password was refused; names the message shown to the user. */
    public enum Refusal { TOO_SHORT, TOO_COMMON }

    private final Set<String> common;

    public PasswordPolicy(Set<String> common) {
        this.common = common.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static PasswordPolicy withBundledList() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " missing from the classpath");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return new PasswordPolicy(reader.lines().map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + COMMON_PASSWORDS, e);
        }
    }

    public Optional<Refusal> check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Refusal.TOO_SHORT);
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(Refusal.TOO_COMMON);
        }
        return Optional.empty();
    }
}
