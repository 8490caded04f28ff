package si.bankart.prehod.request;

import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.loa.LoaRequirement;
import si.bankart.prehod.protocol.RequestCheck;
import si.bankart.prehod.sp.AcsEndpoint;
import si.bankart.prehod.sp.NameIdFormat;

/**
 * One AuthnRequest going through the rules: what every request's check holds (the SP, the RelayState that may be
 * echoed), its ACS, and what the AuthnRequest's own rules establish (the NameID format and the LoA requirement).
 * Lives for one validation only.
 */
public final class AuthnRequestCheck extends RequestCheck<AuthnRequest, AcsEndpoint> {

    private final IncomingAuthnRequest incoming;
    private NameIdFormat nameIdFormat;
    private LoaRequirement loaRequirement;

    public AuthnRequestCheck(IncomingAuthnRequest incoming) {
        super(incoming);
        this.incoming = incoming;
    }

    public IncomingAuthnRequest incoming() {
        return incoming;
    }

    public AuthnRequest request() {
        return incoming.request();
    }

    public AcsEndpoint acs() {
        if (replyEndpoint() == null) {
            throw new IllegalStateException("AcsComesFromMetadata must run first");
        }
        return replyEndpoint();
    }

    public void acs(AcsEndpoint value) {
        replyEndpoint(value);
    }

    public NameIdFormat nameIdFormat() {
        return nameIdFormat;
    }

    public void nameIdFormat(NameIdFormat value) {
        this.nameIdFormat = value;
    }

    public LoaRequirement loaRequirement() {
        return loaRequirement;
    }

    public void loaRequirement(LoaRequirement value) {
        this.loaRequirement = value;
    }
}
