package si.bankart.prehod.directory;

import si.bankart.prehod.config.IdpConfig;

/** A Rekono account linked to a bank user: the OpenID provider's issuer and the account's stable {@code sub}. */
public record RekonoIdentity(String issuer, String subject) {

    public RekonoIdentity {
        IdpConfig.require(issuer, "rekono[].issuer");
        IdpConfig.require(subject, "rekono[].subject");
    }
}
