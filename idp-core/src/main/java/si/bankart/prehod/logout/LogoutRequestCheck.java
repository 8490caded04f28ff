package si.bankart.prehod.logout;

import java.util.Optional;

import org.opensaml.saml.saml2.core.LogoutRequest;

import si.bankart.prehod.request.MessageCheck;
import si.bankart.prehod.request.SamlStatus;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.SloEndpoint;

/**
 * One LogoutRequest going through the rules: the input, the SSO session of the browser it came with (if any), and what
 * earlier rules established (the SP, its SingleLogoutService, its entry in the session). Lives for one validation only.
 */
public final class LogoutRequestCheck implements MessageCheck<LogoutRequestRejected> {

    private final IncomingLogoutRequest incoming;
    private final Optional<SsoSession> session;
    private RegisteredSp sp;
    private SloEndpoint slo;
    private SpSession spSession;
    private String echoedRelayState;

    public LogoutRequestCheck(IncomingLogoutRequest incoming, Optional<SsoSession> session) {
        this.incoming = incoming;
        this.session = session;
    }

    public IncomingLogoutRequest incoming() {
        return incoming;
    }

    @Override
    public LogoutRequest message() {
        return incoming.request();
    }

    @Override
    public String endpoint() {
        return incoming.endpoint();
    }

    public LogoutRequest request() {
        return incoming.request();
    }

    public Optional<SsoSession> session() {
        return session;
    }

    /** The refusal, answered to the SP only once its identity and SingleLogoutService are established. */
    @Override
    public LogoutRequestRejected reject(SamlStatus status, String reason) {
        return new LogoutRequestRejected(status, reason, reply());
    }

    public Optional<LogoutReply> reply() {
        if (sp == null || slo == null) {
            return Optional.empty();
        }
        return Optional.of(new LogoutReply(sp, slo, request().getID(), echoedRelayState));
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

    public void slo(SloEndpoint value) {
        this.slo = value;
    }

    /** Set by RelayStateFitsLimit once the RelayState may be echoed; until then replies carry none. */
    @Override
    public String relayState() {
        return incoming.relayState();
    }

    @Override
    public void echoRelayState(String relayState) {
        this.echoedRelayState = relayState;
    }

    public SpSession spSession() {
        if (spSession == null) {
            throw new IllegalStateException("NameIdIsTheOneIssued must run first");
        }
        return spSession;
    }

    public void spSession(SpSession value) {
        this.spSession = value;
    }
}
