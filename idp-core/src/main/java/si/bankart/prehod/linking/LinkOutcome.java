package si.bankart.prehod.linking;

import java.util.Optional;

import si.bankart.prehod.login.rekono.RekonoOutcome;

/** How an attempt to link ended. */
public sealed interface LinkOutcome permits LinkOutcome.Linked, LinkOutcome.Refused {

    /** Linked: {@code login} completes the pending SAML login as the bank user. */
    record Linked(RekonoOutcome.Authenticated login) implements LinkOutcome {
    }

    /** Not linked; {@code waiting} is the login still waiting, when the user may try again. */
    record Refused(LinkRefusal reason, Optional<AwaitingLink> waiting) implements LinkOutcome {
    }
}
