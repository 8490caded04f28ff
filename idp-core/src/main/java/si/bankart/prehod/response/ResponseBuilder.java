package si.bankart.prehod.response;

import si.bankart.prehod.sp.AcsEndpoint;
import java.time.Clock;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.xml.SamlObjects;


/**
 * Wraps an assertion, or an error status, in a Response to a trusted ACS. The assertion is always signed; it is then
 * encrypted and the Response signed as the SP's policy says. Error responses are signed too, so an SP can trust the
 * status it is shown.
 */
public final class ResponseBuilder {

    private final SamlSigner signer;
    private final AssertionEncrypter encrypter;
    private final StatusResponseEnvelope envelope;

    public ResponseBuilder(EntityId idpEntityId, SamlSigner signer, AssertionEncrypter encrypter, Clock clock, RandomIds ids) {
        this.signer = signer;
        this.encrypter = encrypter;
        this.envelope = new StatusResponseEnvelope(idpEntityId, clock, ids);
    }

    public SamlReply success(Reply<AcsEndpoint> reply, Assertion assertion) {
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
        return new SamlReply(response, reply.location(), reply.relayState().map(RelayState::value).orElse(null),
                reply.sp().policy().displayName());
    }

    /** @param incident shown to the SP as StatusMessage so its support can quote it to ours */
    public SamlReply error(Reply<AcsEndpoint> reply, SamlStatus status, String incident) {
        Response response = envelope(reply, status.topLevel(), status.secondLevel(), "incident " + incident);
        signer.sign(response);
        return new SamlReply(response, reply.location(), reply.relayState().map(RelayState::value).orElse(null),
                reply.sp().policy().displayName());
    }

    private Response envelope(Reply<AcsEndpoint> reply, String topLevel, String secondLevel, String message) {
        return envelope.wrap(SamlObjects.build(Response.DEFAULT_ELEMENT_NAME), reply.inResponseTo(), reply.location(),
                topLevel, secondLevel, message);
    }
}
