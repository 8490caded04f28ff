package si.bankart.prehod.login.rekono;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import si.bankart.prehod.audit.Incident;
import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.LoginResult;

/** How a Rekono callback ended. Not logging in is a normal outcome, not an exception. */
public sealed interface RekonoOutcome permits RekonoOutcome.Authenticated, RekonoOutcome.Cancelled, RekonoOutcome.Rejected,
        RekonoOutcome.Unlinked {

    String METHOD = "rekono";

    /** One token for the audit trail's result field: "success", "cancelled" or the reason code. */
    String auditResult();

    /**
     * The user logged in at Rekono, at a level the request accepts, as a bank user.
     *
     * @param pendingLoginKey the pending SAML login this completes
     * @param authTime        when the user authenticated at Rekono ({@code auth_time}, else when the callback arrived)
     * @param idToken         the ID token as received, for {@code id_token_hint} at logout
     * @param amr             Rekono's authentication methods (pwd, mfa, sms, otp, pop, swk), empty if not sent
     */
    record Authenticated(String pendingLoginKey, String userId, LevelOfAssurance loa, Instant authTime, String idToken,
            List<String> amr) implements RekonoOutcome {

        public Authenticated {
            Objects.requireNonNull(pendingLoginKey, "pendingLoginKey");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(loa, "loa");
            Objects.requireNonNull(authTime, "authTime");
            amr = List.copyOf(amr);
        }

        public LoginResult.Authenticated toLoginResult() {
            return new LoginResult.Authenticated(userId, METHOD, loa, authTime, idToken);
        }

        @Override
        public String auditResult() {
            return "success";
        }

        @Override
        public String toString() {
            return "Authenticated[user=" + userId + ", loa=" + loa.id() + ", authTime=" + authTime + ", amr=" + amr + "]";
        }
    }

    /**
     * A valid Rekono login of an account that is linked to no bank user: the web layer offers to link it (activation
     * code or bank certificate), so the login is kept, not thrown away.
     *
     * @param identity     issuer + sub, what a link stores
     * @param accountLabel what the user and the bank recognise the account by: its e-mail when Rekono gave one,
     *                     else the {@code sub}
     */
    record Unlinked(String pendingLoginKey, RekonoIdentity identity, String accountLabel, LevelOfAssurance loa,
            Instant authTime, String idToken, List<String> amr) implements RekonoOutcome {

        public Unlinked {
            Objects.requireNonNull(pendingLoginKey, "pendingLoginKey");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(accountLabel, "accountLabel");
            Objects.requireNonNull(loa, "loa");
            Objects.requireNonNull(authTime, "authTime");
            amr = List.copyOf(amr);
        }

        /** The login as it completes once the account is linked to {@code userId}. */
        public Authenticated linkedTo(String userId) {
            return new Authenticated(pendingLoginKey, userId, loa, authTime, idToken, amr);
        }

        @Override
        public String auditResult() {
            return "not-registered";
        }

        @Override
        public String toString() {
            return "Unlinked[sub=" + identity.subject() + ", loa=" + loa.id() + "]";
        }
    }

    /** The user gave up at Rekono ({@code error=access_denied}): back to the method choice, not yet a failure. */
    record Cancelled(String pendingLoginKey) implements RekonoOutcome {

        @Override
        public String auditResult() {
            return "cancelled";
        }
    }

    /**
     * Refused. {@code detail} is for the log only; {@code pendingLoginKey} is present only when the callback came from
     * the browser that started the login, so only then may the web layer act on the pending SAML request.
     *
     * @param incident what the refusal was logged and audited under, which the user's page or the portal's answer
     *                 shows; null only inside the broker, before it records the refusal
     */
    record Rejected(RejectionReason reason, String detail, Optional<String> pendingLoginKey, Incident incident)
            implements RekonoOutcome, RekonoStart {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
            pendingLoginKey = pendingLoginKey == null ? Optional.empty() : pendingLoginKey;
        }

        /** A refusal not yet logged: the broker gives it its incident when it records it. */
        public Rejected(RejectionReason reason, String detail, Optional<String> pendingLoginKey) {
            this(reason, detail, pendingLoginKey, null);
        }

        /**
         * What the portal hears, with the incident the refusal was logged under; only for a reason that
         * {@linkplain si.bankart.prehod.login.Refusal#answersSp() answers} it.
         */
        public LoginResult.Failed toLoginResult() {
            return new LoginResult.Failed(METHOD, reason.name(), reason.samlStatus().orElseThrow(
                    () -> new IllegalStateException(reason + " does not answer the portal")), incident.reference());
        }

        @Override
        public String auditResult() {
            return reason.name();
        }
    }
}
