package si.bankart.prehod.login;

import java.time.Instant;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.protocol.SamlStatus;

/** What a login method reports back. Not logging in is a normal outcome, not an exception. */
public sealed interface LoginResult permits LoginResult.Authenticated, LoginResult.Failed {

    /**
     * The user proved who they are. {@code userId} is a bank user from the directory; {@code upstreamIdToken} is the
     * upstream OpenID provider's ID token, kept as id_token_hint for logout there, or null for a method without one.
     */
    record Authenticated(String userId, String method, LevelOfAssurance loa, Instant instant, String upstreamIdToken)
            implements LoginResult {

        public Authenticated(String userId, String method, LevelOfAssurance loa, Instant instant) {
            this(userId, method, loa, instant, null);
        }
    }

    /**
     * The user could not, or gave up; {@code reason} is for the log and the audit trail, {@code status} what the SP is
     * told (AuthnFailed, or NoAuthnContext when the method could not reach the level asked for); {@code incident}
     * the reference the method already logged and audited the failure under, or null, so the portal's answer and the
     * audit trail carry the same one.
     */
    record Failed(String method, String reason, SamlStatus status, String incident) implements LoginResult {

        public Failed(String method, String reason, SamlStatus status) {
            this(method, reason, status, null);
        }

        public Failed(String method, String reason) {
            this(method, reason, SamlStatus.RESPONDER_AUTHN_FAILED);
        }
    }
}
