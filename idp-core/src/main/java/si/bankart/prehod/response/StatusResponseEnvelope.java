package si.bankart.prehod.response;

import java.time.Clock;
import java.util.Optional;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;
import org.opensaml.saml.saml2.core.StatusResponseType;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.xml.SamlObjects;

/**
 * What every response of ours carries, a Response or a LogoutResponse alike (SAML core §3.2.2): a fresh ID, the
 * instant, Version 2.0, InResponseTo, Destination, our Issuer, and the status with its optional second-level code
 * and message.
 */
public final class StatusResponseEnvelope {

    private final EntityId idpEntityId;
    private final Clock clock;
    private final RandomIds ids;

    public StatusResponseEnvelope(EntityId idpEntityId, Clock clock, RandomIds ids) {
        this.idpEntityId = idpEntityId;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param inResponseTo empty for an unsolicited Response: no InResponseTo
     * @param secondLevel may be null: a bare top-level code
     * @param message     may be null: no StatusMessage
     */
    public <T extends StatusResponseType> T wrap(T response, Optional<RequestId> inResponseTo, String destination, String topLevel,
            String secondLevel, String message) {
        response.setID(ids.samlId());
        response.setIssueInstant(clock.instant());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setInResponseTo(inResponseTo.map(RequestId::value).orElse(null));
        response.setDestination(destination);
        Issuer issuer = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(idpEntityId.value());
        issuer.setFormat(NameIDType.ENTITY);
        response.setIssuer(issuer);
        StatusCode code = SamlObjects.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(topLevel);
        if (secondLevel != null) {
            StatusCode inner = SamlObjects.build(StatusCode.DEFAULT_ELEMENT_NAME);
            inner.setValue(secondLevel);
            code.setStatusCode(inner);
        }
        Status status = SamlObjects.build(Status.DEFAULT_ELEMENT_NAME);
        status.setStatusCode(code);
        if (message != null) {
            StatusMessage statusMessage = SamlObjects.build(StatusMessage.DEFAULT_ELEMENT_NAME);
            statusMessage.setValue(message);
            status.setStatusMessage(statusMessage);
        }
        response.setStatus(status);
        return response;
    }
}
