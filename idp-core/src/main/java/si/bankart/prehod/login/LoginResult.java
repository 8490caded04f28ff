package si.bankart.prehod.login;

import java.time.Instant;

import si.bankart.prehod.loa.LevelOfAssurance;

/** What a login method reports back. Not logging in is a normal outcome, not an exception. */
public sealed interface LoginResult permits LoginResult.Authenticated, LoginResult.Failed {

    /** The user proved who they are. {@code userId} is a bank user from the directory. */
    record Authenticated(String userId, String method, LevelOfAssurance loa, Instant instant) implements LoginResult {
    }

    /** The user could not, or gave up; {@code reason} is for the log and the audit trail. */
    record Failed(String method, String reason) implements LoginResult {
    }
}
