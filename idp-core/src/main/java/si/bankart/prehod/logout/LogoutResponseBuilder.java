package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.sp.SloEndpoint;
import java.time.Clock;

import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;

import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.response.StatusResponseEnvelope;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.xml.SamlObjects;

/**
 * The IdP's LogoutResponse to the SP that asked for logout (SAML core §3.7.2): Success when every other SP confirmed,
 * Success/PartialLogout when one failed, timed out or could not be told (§3.7.3.2), a Requester error when the request
 * was refused. Always signed like {@link si.bankart.prehod.response.ResponseBuilder} does, so the SP can trust the
 * status; over HTTP-Redirect the encoder replaces the XML signature by the query signature.
 */
public final class LogoutResponseBuilder {

    private final SamlSigner signer;
    private final StatusResponseEnvelope envelope;

    public LogoutResponseBuilder(EntityId idpEntityId, SamlSigner signer, Clock clock, RandomIds ids) {
        this.signer = signer;
        this.envelope = new StatusResponseEnvelope(idpEntityId, clock, ids);
    }

    /** The end of a logout chain: Success, or PartialLogout if {@code progress} says some SP was not logged out. */
    public OutgoingLogoutResponse finished(Reply<SloEndpoint> reply, LogoutProgress progress) {
        if (!progress.finished()) {
            throw new IllegalStateException("logout is still waiting for an SP");
        }
        return progress.partial() ? answer(reply, SamlStatus.SUCCESS_PARTIAL_LOGOUT, null) : success(reply);
    }

    public OutgoingLogoutResponse success(Reply<SloEndpoint> reply) {
        return answer(reply, null, null);
    }

    /** @param incident shown to the SP as StatusMessage so its support can quote it to ours */
    public OutgoingLogoutResponse refused(RequestRejected rejected, String incident) {
        Reply<SloEndpoint> reply = rejected.replyTo(SloEndpoint.class).orElseThrow(
                () -> new IllegalArgumentException("this refusal may not be answered to the SP: " + rejected.reason()));
        return answer(reply, rejected.status(), "incident " + incident);
    }

    private OutgoingLogoutResponse answer(Reply<SloEndpoint> reply, SamlStatus status, String message) {
        LogoutResponse response = envelope.wrap(SamlObjects.build(LogoutResponse.DEFAULT_ELEMENT_NAME),
                reply.inResponseTo(), reply.location(), status == null ? StatusCode.SUCCESS : status.topLevel(),
                status == null ? null : status.secondLevel(), message);
        signer.sign(response);
        return new OutgoingLogoutResponse(response, reply.location(), reply.binding(),
                reply.relayState().map(RelayState::value).orElse(null));
    }
}
