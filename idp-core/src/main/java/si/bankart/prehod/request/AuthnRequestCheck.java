package si.bankart.prehod.request;

import java.util.Optional;

import org.opensaml.saml.saml2.core.AuthnRequest;

import si.bankart.prehod.loa.LoaRequirement;
import si.bankart.prehod.sp.AcsEndpoint;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;

/**
 * One AuthnRequest going through the rules: the input, and what earlier rules established (the SP, its ACS, the
 * RelayState that may be echoed, the NameID format and the LoA requirement). Lives for one validation only.
 */
public final class AuthnRequestCheck implements MessageCheck<RequestRejected> {

    private final IncomingAuthnRequest incoming;
    private RegisteredSp sp;
    private AcsEndpoint acs;
    private String echoedRelayState;
    private NameIdFormat nameIdFormat;
    private LoaRequirement loaRequirement;

    public AuthnRequestCheck(IncomingAuthnRequest incoming) {
        this.incoming = incoming;
    }

    public IncomingAuthnRequest incoming() {
        return incoming;
    }

    public AuthnRequest request() {
        return incoming.request();
    }

    @Override
    public AuthnRequest message() {
        return incoming.request();
    }

    @Override
    public String endpoint() {
        return incoming.endpoint();
    }

    /** The refusal, answered to the SP only once its identity and ACS are established. */
    @Override
    public RequestRejected reject(SamlStatus status, String reason) {
        return new RequestRejected(status, reason, trustedReply());
    }

    public Optional<TrustedReply> trustedReply() {
        if (sp == null || acs == null) {
            return Optional.empty();
        }
        return Optional.of(new TrustedReply(sp, acs, request().getID(), echoedRelayState));
    }

    @Override
    public RegisteredSp sp() {
        if (sp == null) {
            throw new IllegalStateException("IssuerIsKnownSp must run first");
        }
        return sp;
    }

    @Override
    public void sp(RegisteredSp value) {
        this.sp = value;
    }

    public AcsEndpoint acs() {
        if (acs == null) {
            throw new IllegalStateException("AcsComesFromMetadata must run first");
        }
        return acs;
    }

    public void acs(AcsEndpoint value) {
        this.acs = value;
    }

    @Override
    public String relayState() {
        return incoming.relayState();
    }

    @Override
    public void echoRelayState(String relayState) {
        this.echoedRelayState = relayState;
    }

    public String echoedRelayState() {
        return echoedRelayState;
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
