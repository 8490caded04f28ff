package si.bankart.prehod.sandbox.portals;

import java.util.List;

/** What the ACS makes of a Response: a login, an error the IdP reported, or a Response the portal refuses. */
public sealed interface ResponseVerdict permits ResponseVerdict.Accepted, ResponseVerdict.IdpError, ResponseVerdict.Refused {

    record Accepted(SamlLogin login) implements ResponseVerdict {
    }

    /** A genuine, signed Response to our request whose status is not Success; the codes outermost first. */
    record IdpError(List<String> statusCodes, String statusMessage) implements ResponseVerdict {
        public IdpError {
            statusCodes = List.copyOf(statusCodes);
        }
    }

    /** @param detail for the log only */
    record Refused(Refusal reason, String detail) implements ResponseVerdict {
    }
}
