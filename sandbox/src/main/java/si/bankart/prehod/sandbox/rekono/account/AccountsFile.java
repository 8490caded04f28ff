package si.bankart.prehod.sandbox.rekono.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import si.bankart.prehod.sandbox.rekono.factor.TotpSecret;

/**
 * Reads sandbox/conf/rekono-accounts.yaml. The demo passwords are in clear text there (sandbox only, so a person can
 * log in); they are hashed here, as they are read, and never kept.
 */
public final class AccountsFile {

    record Entry(
            @JsonProperty(value = "sub", required = true) String sub,
            @JsonProperty(value = "email", required = true) String email,
            @JsonProperty(value = "password", required = true) String password,
            @JsonProperty(value = "mobile", required = true) String mobile,
            @JsonProperty(value = "trust_level", required = true) int trustLevel,
            @JsonProperty("given_name") String givenName,
            @JsonProperty("family_name") String familyName,
            @JsonProperty("totp_secret") String totpSecret,
            @JsonProperty("certificate_subject_dn") String certificateSubjectDn) {}

    record Document(@JsonProperty(value = "accounts", required = true) List<Entry> accounts) {}

    private AccountsFile() {}

    public static List<Account> read(Path file, SecureRandom random) {
        Document document;
        try {
            document = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), Document.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return document.accounts().stream().map(entry -> toAccount(file, entry, random)).toList();
    }

    private static Account toAccount(Path file, Entry e, SecureRandom random) {
        try {
            MobileNumber mobile = MobileNumber.parse(e.mobile())
                    .orElseThrow(() -> new IllegalArgumentException("mobile is not a Slovenian mobile number: " + e.mobile()));
            Optional<LinkedCertificate> certificate =
                    Optional.ofNullable(e.certificateSubjectDn()).map(LinkedCertificate::new);
            if (certificate.isPresent() && e.trustLevel() < 3) {
                throw new IllegalArgumentException("a linked certificate needs trust_level 3");
            }
            return new Account(e.sub(), e.email(), PasswordHash.of(e.password(), random), mobile, e.trustLevel(),
                    e.givenName(), e.familyName(), Optional.ofNullable(e.totpSecret()).map(TotpSecret::fromBase32), certificate);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(file + ", account " + e.email() + ": " + ex.getMessage(), ex);
        }
    }
}
