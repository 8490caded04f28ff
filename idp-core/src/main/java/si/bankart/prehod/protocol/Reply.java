package si.bankart.prehod.protocol;

import java.util.Optional;

import si.bankart.prehod.sp.RegisteredSp;

/**
 * Where an answer may go: a registered SP and an endpoint from its metadata (an ACS for SSO, a SingleLogoutService for
 * logout). Holding one is the proof that sending an answer (even an error) cannot be abused to send a browser
 * somewhere an attacker chose.
 *
 * @param inResponseTo the request ID; empty for unsolicited SSO
 * @param relayState   echoed as received, only once it passed the length check; otherwise empty
 */
public record Reply<E extends ReplyEndpoint>(RegisteredSp sp, E endpoint, Optional<RequestId> inResponseTo,
        Optional<RelayState> relayState) {

    /** The Destination of the answer and where the browser is sent with it. */
    public String location() {
        return endpoint.replyLocation();
    }

    public String binding() {
        return endpoint.binding();
    }
}
