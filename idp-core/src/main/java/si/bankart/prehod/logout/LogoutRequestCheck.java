package si.bankart.prehod.logout;

import java.util.Optional;

import org.opensaml.saml.saml2.core.LogoutRequest;

import si.bankart.prehod.protocol.RequestCheck;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.SloEndpoint;

/**
 * One LogoutRequest going through the rules: what every request's check holds (the SP, the RelayState that may be
 * echoed), its SingleLogoutService, the SSO session of the browser it came with (if any), and the SP's entry in that
 * session. Lives for one validation only.
 */
public final class LogoutRequestCheck extends RequestCheck<LogoutRequest, SloEndpoint> {

    private final IncomingLogoutRequest incoming;
    private final Optional<SsoSession> session;
    private SpSession spSession;

    public LogoutRequestCheck(IncomingLogoutRequest incoming, Optional<SsoSession> session) {
        super(incoming);
        this.incoming = incoming;
        this.session = session;
    }

    public IncomingLogoutRequest incoming() {
        return incoming;
    }

    public LogoutRequest request() {
        return incoming.request();
    }

    public Optional<SsoSession> session() {
        return session;
    }

    public void slo(SloEndpoint value) {
        replyEndpoint(value);
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
