package si.bankart.prehod.sandbox.portals;

import java.util.List;

/**
 * What a portal makes of the IdP's LogoutResponse to its own LogoutRequest.
 *
 * @param statusCodes the response's status codes, outermost first (empty when the response was refused unread)
 * @param detail      why it was not confirmed, for the log only
 */
public record LogoutVerdict(Outcome outcome, List<String> statusCodes, String detail) {

    public enum Outcome {
        /** Success: the IdP ended its session and every portal's. */
        LOGGED_OUT_EVERYWHERE,
        /** Success with PartialLogout: some portals could not be told (core §3.2.2.2). */
        PARTIAL,
        /** A genuine answer with another status: the IdP could not log the user out. */
        IDP_ERROR,
        /** Not a response we can trust or expected: bad signature, another issuer or destination, unknown request. */
        INVALID
    }

    public LogoutVerdict {
        statusCodes = List.copyOf(statusCodes);
    }

    /** The page's key under {@code logout.<key>} in messages_{sl,en}.properties. */
    public String key() {
        return switch (outcome) {
            case LOGGED_OUT_EVERYWHERE -> "everywhere";
            case PARTIAL -> "partial";
            case IDP_ERROR, INVALID -> "notConfirmed";
        };
    }
}
