package si.bankart.prehod.request;

import si.bankart.prehod.sp.AcsEndpoint;
import si.bankart.prehod.sp.RegisteredSp;

/**
 * Where an answer may go: a registered SP and an ACS from its metadata. Holding one is the proof that posting a
 * response (even an error) cannot be abused to send a browser somewhere an attacker chose.
 *
 * @param inResponseTo the AuthnRequest ID, or null for unsolicited SSO
 * @param relayState   echoed as received, only once it passed the length check; otherwise null
 */
public record TrustedReply(RegisteredSp sp, AcsEndpoint acs, String inResponseTo, String relayState) {

    public TrustedReply withoutRelayState() {
        return new TrustedReply(sp, acs, inResponseTo, null);
    }
}
