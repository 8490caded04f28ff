package si.bankart.prehod.login.rekono;

import java.time.Instant;
import java.util.Set;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * What a started Rekono login remembers server-side until its callback, stored under the hash of its {@code state}:
 * the values the callback must match (OIDC Core §3.1.2.1 nonce, RFC 7636 verifier), the browser it belongs to (only
 * the hash of the cookie value) and the pending SAML login it completes.
 *
 * @param maxAgeSeconds the {@code max_age} sent, or null when none was
 * @param sp            the portal the pending SAML login is for, or null when not known: named in the audit trail
 */
record RekonoLoginState(String pendingLoginKey, String sp, String nonce, String codeVerifier, String browserBindingHash,
        Set<LevelOfAssurance> acceptableLoa, Integer maxAgeSeconds, Instant startedAt, Instant expires) {

    RekonoLoginState {
        acceptableLoa = Set.copyOf(acceptableLoa);
    }

    @Override
    public String toString() {
        return "RekonoLoginState[pendingLogin=(hidden), acceptable=" + acceptableLoa + ", maxAge=" + maxAgeSeconds
                + ", started=" + startedAt + "]";
    }
}
