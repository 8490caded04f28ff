package si.bankart.prehod.assertion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import si.bankart.prehod.directory.User;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.storage.RandomIds;

/**
 * The NameID value for a user at one SP. Persistent identifiers are a keyed hash of SP and user with a secret salt:
 * stable for that pair, opaque, and not linkable across SPs (SAML core §8.3.7). Transient ones are random per session.
 */
public final class NameIdIssuer {

    /** The attribute an emailAddress NameID is taken from unless the policy names another. */
    static final String MAIL = "mail";

    private final SecretKeySpec salt;
    private final RandomIds ids;

    public NameIdIssuer(byte[] persistentIdSalt, RandomIds ids) {
        if (persistentIdSalt.length < 16) {
            throw new IllegalArgumentException("the persistent-NameID salt must be at least 16 bytes");
        }
        this.salt = new SecretKeySpec(persistentIdSalt, "HmacSHA256");
        this.ids = ids;
    }

    /** Empty when the user lacks the attribute the format needs; the SP then gets InvalidNameIDPolicy. */
    public Optional<String> value(NameIdFormat format, RegisteredSp sp, User user, Optional<SpSession> earlier) {
        if (earlier.isPresent() && earlier.get().nameIdFormat() == format) {
            return Optional.of(earlier.get().nameId());
        }
        String source = sp.policy().nameIdSourceAttribute();
        return switch (format) {
            case PERSISTENT -> Optional.of(persistent(sp.entityId().value(), user.id()));
            case TRANSIENT -> Optional.of(ids.samlId());
            case EMAIL -> user.attribute(source == null ? MAIL : source);
            case UNSPECIFIED -> user.attribute(source);
        };
    }

    private String persistent(String spEntityId, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(salt);
            byte[] hash = mac.doFinal((spEntityId + "!" + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
