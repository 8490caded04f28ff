package si.bankart.prehod.sandbox.portals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusResponseType;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

import si.bankart.prehod.protocol.signature.SignatureVerdict;
import si.bankart.prehod.protocol.signature.StrictSignatureProfile;

/**
 * Judges a Response at a portal's ACS as SAML profiles §4.1.4.3 and §4.1.4.2 ask, trusting nothing before its
 * signature: the Response's or the Assertion's signature with the IdP's certificate (SAML signature profile, then the
 * cryptographic check), the Issuer, the Audience (this portal), the Destination and bearer Recipient (this ACS), the
 * time windows, and InResponseTo, which must name a request this portal sent and not yet saw answered.
 *
 * <p>Refuses an encrypted assertion (the portals publish no encryption key), more or less than one assertion, and
 * an unsolicited Response (these demo portals always start the login).
 */
public final class ResponseValidator {

    /** Tolerated difference between the IdP's clock and ours, as the IdP's own default (conf/idp.yaml). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final PortalDefinition portal;
    private final String idpEntityId;
    private final IdpKeys idpKeys;
    private final PendingRequests pending;
    private final Clock clock;
    private final StrictSignatureProfile signatures = new StrictSignatureProfile();

    public ResponseValidator(PortalDefinition portal, String idpEntityId, IdpKeys idpKeys,
            PendingRequests pending, Clock clock) {
        this.portal = portal;
        this.idpEntityId = idpEntityId;
        this.idpKeys = idpKeys;
        this.pending = pending;
        this.clock = clock;
    }

    public ResponseVerdict judge(Response response) {
        boolean success = StatusCode.SUCCESS.equals(topStatus(response));
        List<Assertion> assertions = response.getAssertions();
        if (!response.getEncryptedAssertions().isEmpty()) {
            return refused(Refusal.MALFORMED_ASSERTION, "encrypted assertion; this portal has no decryption key");
        }
        if (success && assertions.size() != 1) {
            return refused(Refusal.MALFORMED_ASSERTION, assertions.size() + " assertions, expected exactly one");
        }
        // Nothing is believed before the signature: either the whole Response, or the one Assertion, must be signed
        // by the IdP (the metadata says WantAssertionsSigned; error responses are signed as a whole).
        if (response.isSigned() && !verifies(response)) {
            return refused(Refusal.BAD_SIGNATURE, "Response signature does not verify with the IdP's certificate");
        }
        Assertion assertion = success ? assertions.get(0) : null;
        if (assertion != null && assertion.isSigned() && !verifies(assertion)) {
            return refused(Refusal.BAD_SIGNATURE, "Assertion signature does not verify with the IdP's certificate");
        }
        if (!response.isSigned() && (assertion == null || !assertion.isSigned())) {
            return refused(Refusal.NOT_SIGNED, "neither the Response nor its Assertion is signed");
        }
        if (!SAMLVersion.VERSION_20.equals(response.getVersion())) {
            return refused(Refusal.NOT_A_RESPONSE, "version " + response.getVersion());
        }
        if (!isIdp(response.getIssuer(), true) || (assertion != null && !isIdp(assertion.getIssuer(), false))) {
            return refused(Refusal.WRONG_ISSUER, "Issuer is not " + idpEntityId);
        }
        if (assertion != null && !isForUs(assertion.getConditions())) {
            return refused(Refusal.WRONG_AUDIENCE, "no AudienceRestriction names " + portal.entityId());
        }
        // SAML bindings §3.5.5.2: a signed POST message must carry the Destination it was sent to.
        if (!portal.acsUrl().equals(response.getDestination())) {
            return refused(Refusal.WRONG_DESTINATION, "Destination " + response.getDestination());
        }
        if (!pending.consume(response.getInResponseTo())) {
            return refused(Refusal.UNKNOWN_REQUEST, "InResponseTo " + response.getInResponseTo()
                    + " is not a pending request of this portal (unsolicited, expired or replayed)");
        }
        if (!success) {
            return new ResponseVerdict.IdpError(statusCodes(response), response.getStatus().getStatusMessage() == null
                    ? null : response.getStatus().getStatusMessage().getValue());
        }
        return loginFrom(assertion, response.getInResponseTo());
    }

    private ResponseVerdict loginFrom(Assertion assertion, String requestId) {
        Instant now = clock.instant();
        Conditions conditions = assertion.getConditions();
        if (conditions.getNotBefore() != null && now.plus(CLOCK_SKEW).isBefore(conditions.getNotBefore())) {
            return refused(Refusal.EXPIRED, "Conditions NotBefore " + conditions.getNotBefore() + " is in the future");
        }
        if (conditions.getNotOnOrAfter() != null && !now.minus(CLOCK_SKEW).isBefore(conditions.getNotOnOrAfter())) {
            return refused(Refusal.EXPIRED, "Conditions NotOnOrAfter " + conditions.getNotOnOrAfter() + " has passed");
        }
        if (assertion.getSubject() == null || assertion.getSubject().getNameID() == null) {
            return refused(Refusal.MALFORMED_ASSERTION, "no Subject with a plain NameID");
        }
        // Profiles §4.1.4.2: a bearer SubjectConfirmation for our ACS, for our request, unexpired, without NotBefore.
        List<SubjectConfirmationData> bearer = assertion.getSubject().getSubjectConfirmations().stream()
                .filter(c -> SubjectConfirmation.METHOD_BEARER.equals(c.getMethod()))
                .map(SubjectConfirmation::getSubjectConfirmationData)
                .filter(data -> data != null && portal.acsUrl().equals(data.getRecipient()))
                .toList();
        if (bearer.isEmpty()) {
            return refused(Refusal.WRONG_DESTINATION, "no bearer SubjectConfirmation with Recipient " + portal.acsUrl());
        }
        // Profiles §4.1.4.2: in response to an AuthnRequest, InResponseTo MUST be there and match the request's ID;
        // unlike the Response's, this one lies inside the signed Assertion.
        if (bearer.stream().noneMatch(data -> requestId.equals(data.getInResponseTo()))) {
            return refused(Refusal.UNKNOWN_REQUEST, "SubjectConfirmationData answers another request than the Response");
        }
        if (bearer.stream().noneMatch(data -> data.getNotBefore() == null && data.getNotOnOrAfter() != null
                && now.minus(CLOCK_SKEW).isBefore(data.getNotOnOrAfter()))) {
            return refused(Refusal.EXPIRED, "bearer SubjectConfirmationData NotOnOrAfter has passed (or is missing)");
        }
        if (assertion.getAuthnStatements().size() != 1) {
            return refused(Refusal.MALFORMED_ASSERTION, "expected exactly one AuthnStatement");
        }
        AuthnStatement authn = assertion.getAuthnStatements().get(0);
        String classRef = authn.getAuthnContext() == null || authn.getAuthnContext().getAuthnContextClassRef() == null
                ? null : authn.getAuthnContext().getAuthnContextClassRef().getURI();
        NameID nameId = assertion.getSubject().getNameID();
        return new ResponseVerdict.Accepted(new SamlLogin(SubjectNameId.from(nameId), attributes(assertion), classRef,
                authn.getSessionIndex(), authn.getAuthnInstant()));
    }

    /** With the keys known, else with those the IdP publishes now (it may have switched to its next key). */
    private boolean verifies(SignableSAMLObject signed) {
        return signatures.verify(signed, idpKeys.current()).valid()
                || signatures.verify(signed, idpKeys.refreshed()).valid();
    }

    /** Core §2.2.5: an Issuer naming an entity has no Format or the entity format; the Response's may be absent. */
    private boolean isIdp(Issuer issuer, boolean mayBeAbsent) {
        if (issuer == null) {
            return mayBeAbsent;
        }
        return idpEntityId.equals(issuer.getValue())
                && (issuer.getFormat() == null || NameIDType.ENTITY.equals(issuer.getFormat()));
    }

    /** Core §2.5.1.4: every AudienceRestriction must name us, and there must be at least one. */
    private boolean isForUs(Conditions conditions) {
        if (conditions == null || conditions.getAudienceRestrictions().isEmpty()) {
            return false;
        }
        for (AudienceRestriction restriction : conditions.getAudienceRestrictions()) {
            if (restriction.getAudiences().stream().map(Audience::getURI).noneMatch(portal.entityId()::equals)) {
                return false;
            }
        }
        return true;
    }

    private static String topStatus(Response response) {
        return response.getStatus() == null || response.getStatus().getStatusCode() == null ? null
                : response.getStatus().getStatusCode().getValue();
    }

    /** The status code and its nested codes, top first (a few at most: a deeper chain is not read). */
    static List<String> statusCodes(StatusResponseType response) {
        List<String> codes = new ArrayList<>();
        StatusCode code = response.getStatus() == null ? null : response.getStatus().getStatusCode();
        while (code != null && codes.size() < 5) {
            codes.add(code.getValue());
            code = code.getStatusCode();
        }
        return codes;
    }

    private static Map<String, List<String>> attributes(Assertion assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                String name = attribute.getFriendlyName() != null ? attribute.getFriendlyName() : attribute.getName();
                List<String> values = attributes.computeIfAbsent(name, n -> new ArrayList<>());
                for (XMLObject value : attribute.getAttributeValues()) {
                    if (value instanceof XSString string) {
                        values.add(string.getValue());
                    } else if (value instanceof XSAny any) {
                        values.add(any.getTextContent());
                    }
                }
            }
        }
        return attributes;
    }

    private static ResponseVerdict refused(Refusal reason, String detail) {
        return new ResponseVerdict.Refused(reason, detail);
    }
}
