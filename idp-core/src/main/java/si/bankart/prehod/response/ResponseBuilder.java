package si.bankart.prehod.response;

import java.time.Clock;
import java.time.Instant;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;

import si.bankart.prehod.request.SamlStatus;
import si.bankart.prehod.request.TrustedReply;
import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.storage.RandomIds;

import static si.bankart.prehod.xml.SamlObjects.build;

/**
 * Wraps an assertion, or an error status, in a Response to a trusted ACS. The assertion is always signed; it is then
 * encrypted and the Response signed as the SP's policy says. Error responses are signed too, so an SP can trust the
 * status it is shown.
 */
public final class ResponseBuilder {

    private final String idpEntityId;
    private final SamlSigner signer;
    private final AssertionEncrypter encrypter;
    private final Clock clock;
    private final RandomIds ids;

    public ResponseBuilder(String idpEntityId, SamlSigner signer, AssertionEncrypter encrypter, Clock clock, RandomIds ids) {
        this.idpEntityId = idpEntityId;
        this.signer = signer;
        this.encrypter = encrypter;
        this.clock = clock;
        this.ids = ids;
    }

    public SamlReply success(TrustedReply reply, Assertion assertion) {
        RelyingPartyPolicy policy = reply.sp().policy();
        signer.sign(assertion);
        Response response = envelope(reply, StatusCode.SUCCESS, null, null);
        if (policy.encryptAssertion()) {
            response.getEncryptedAssertions().add(
                    encrypter.encrypt(assertion, reply.sp().metadata().encryptionCertificates().get(0)));
        } else {
            response.getAssertions().add(assertion);
        }
        if (policy.signResponse()) {
            signer.sign(response);
        }
        return new SamlReply(response, reply.acs().location(), reply.relayState());
    }

    /** @param incident shown to the SP as StatusMessage so its support can quote it to ours */
    public SamlReply error(TrustedReply reply, SamlStatus status, String incident) {
        Response response = envelope(reply, status.topLevel(), status.secondLevel(), "incident " + incident);
        signer.sign(response);
        return new SamlReply(response, reply.acs().location(), reply.relayState());
    }

    private Response envelope(TrustedReply reply, String topLevel, String secondLevel, String message) {
        Instant now = clock.instant();
        Response response = build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(ids.samlId());
        response.setIssueInstant(now);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setInResponseTo(reply.inResponseTo());
        response.setDestination(reply.acs().location());
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(idpEntityId);
        issuer.setFormat(NameIDType.ENTITY);
        response.setIssuer(issuer);
        StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(topLevel);
        if (secondLevel != null) {
            StatusCode inner = build(StatusCode.DEFAULT_ELEMENT_NAME);
            inner.setValue(secondLevel);
            code.setStatusCode(inner);
        }
        Status status = build(Status.DEFAULT_ELEMENT_NAME);
        status.setStatusCode(code);
        if (message != null) {
            StatusMessage statusMessage = build(StatusMessage.DEFAULT_ELEMENT_NAME);
            statusMessage.setValue(message);
            status.setStatusMessage(statusMessage);
        }
        response.setStatus(status);
        return response;
    }
}
