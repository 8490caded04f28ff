package si.bankart.prehod.logout;

import java.time.Clock;
import java.time.Instant;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;

import si.bankart.prehod.request.SamlStatus;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.storage.RandomIds;

import static si.bankart.prehod.xml.SamlObjects.build;

/**
 * The IdP's LogoutResponse to the SP that asked for logout (SAML core §3.7.2): Success when every other SP confirmed,
 * Success/PartialLogout when one failed, timed out or could not be told (§3.7.3.2), a Requester error when the request
 * was refused. Always signed like {@link si.bankart.prehod.response.ResponseBuilder} does, so the SP can trust the
 * status; over HTTP-Redirect the encoder replaces the XML signature by the query signature.
 */
public final class LogoutResponseBuilder {

    private final String idpEntityId;
    private final SamlSigner signer;
    private final Clock clock;
    private final RandomIds ids;

    public LogoutResponseBuilder(String idpEntityId, SamlSigner signer, Clock clock, RandomIds ids) {
        this.idpEntityId = idpEntityId;
        this.signer = signer;
        this.clock = clock;
        this.ids = ids;
    }

    /** The end of a logout chain: Success, or PartialLogout if {@code progress} says some SP was not logged out. */
    public OutgoingLogoutResponse finished(LogoutReply reply, LogoutProgress progress) {
        if (!progress.finished()) {
            throw new IllegalStateException("logout is still waiting for an SP");
        }
        return progress.partial() ? answer(reply, SamlStatus.SUCCESS_PARTIAL_LOGOUT, null) : success(reply);
    }

    public OutgoingLogoutResponse success(LogoutReply reply) {
        return answer(reply, null, null);
    }

    /** @param incident shown to the SP as StatusMessage so its support can quote it to ours */
    public OutgoingLogoutResponse refused(LogoutRequestRejected rejected, String incident) {
        LogoutReply reply = rejected.replyTo().orElseThrow(
                () -> new IllegalArgumentException("this refusal may not be answered to the SP: " + rejected.reason()));
        return answer(reply, rejected.status(), "incident " + incident);
    }

    private OutgoingLogoutResponse answer(LogoutReply reply, SamlStatus status, String message) {
        Instant now = clock.instant();
        LogoutResponse response = build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(ids.samlId());
        response.setIssueInstant(now);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setInResponseTo(reply.inResponseTo());
        response.setDestination(reply.location());
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(idpEntityId);
        issuer.setFormat(NameIDType.ENTITY);
        response.setIssuer(issuer);
        StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(status == null ? StatusCode.SUCCESS : status.topLevel());
        if (status != null && status.secondLevel() != null) {
            StatusCode inner = build(StatusCode.DEFAULT_ELEMENT_NAME);
            inner.setValue(status.secondLevel());
            code.setStatusCode(inner);
        }
        Status statusElement = build(Status.DEFAULT_ELEMENT_NAME);
        statusElement.setStatusCode(code);
        if (message != null) {
            StatusMessage statusMessage = build(StatusMessage.DEFAULT_ELEMENT_NAME);
            statusMessage.setValue(message);
            statusElement.setStatusMessage(statusMessage);
        }
        response.setStatus(statusElement);
        signer.sign(response);
        return new OutgoingLogoutResponse(response, reply.location(), reply.binding(), reply.relayState());
    }
}
