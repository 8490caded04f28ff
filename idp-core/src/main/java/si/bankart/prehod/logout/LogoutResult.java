package si.bankart.prehod.logout;

/** How far one SP of the session got in single logout. */
public enum LogoutResult {
    /** Not asked yet, or asked and no answer yet within its deadline. */
    PENDING,
    /** Answered with a valid LogoutResponse whose top-level status is Success. */
    LOGGED_OUT,
    /** Answered with an error status, or with a LogoutResponse we could not accept. */
    FAILED,
    /** Gave no answer before its deadline, or the browser came back without one. */
    TIMED_OUT,
    /** Has no SingleLogoutService in its metadata, so it could not be told at all. */
    NOT_SUPPORTED
}
