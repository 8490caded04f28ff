package si.bankart.prehod.sp;

import java.util.Optional;

/** How an SP differs between two loads, in the audit trail's words: added, removed, endpoint, key or policy changed. */
final class SpChange {

    private SpChange() {
    }

    /** @return the change, or null when the SP is the same */
    static String between(Optional<RegisteredSp> was, Optional<RegisteredSp> is) {
        if (was.isEmpty()) {
            return is.isPresent() ? "added" : null;
        }
        if (is.isEmpty()) {
            return "removed";
        }
        SpMetadata before = was.get().metadata();
        SpMetadata after = is.get().metadata();
        if (!before.assertionConsumerServices().equals(after.assertionConsumerServices())
                || !before.singleLogoutServices().equals(after.singleLogoutServices())) {
            return "endpoint-changed";
        }
        if (!before.signingCertificates().equals(after.signingCertificates())
                || !before.encryptionCertificates().equals(after.encryptionCertificates())) {
            return "key-changed";
        }
        if (!was.get().policy().equals(is.get().policy()) || before.authnRequestsSigned() != after.authnRequestsSigned()) {
            return "policy-changed";
        }
        return null;
    }
}
