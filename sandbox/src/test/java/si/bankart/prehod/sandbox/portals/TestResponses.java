package si.bankart.prehod.sandbox.portals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import javax.xml.namespace.QName;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * "Start valid, change one thing": a Response as the IdP would send it to the Acquiring portal, answering
 * {@link #REQUEST_ID} at {@link #T0}, with the assertion signed by {@link #IDP_KEY}. A change runs before signing (a
 * genuine Response with one wrong value) unless it is {@link #tamperedXml}, which edits the signed XML. The result has
 * been serialised and parsed again, as it would arrive over HTTP-POST.
 */
final class TestResponses {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String IDP = "https://localhost:8443/idp";
    static final String REQUEST_ID = "_request-1";
    static final Path KEYS = Path.of("sandbox-only-keys");
    /** The IdP's key in these tests (a sandbox key pair stands in for it). */
    static final BasicX509Credential IDP_KEY = new PemCredentialReader().read(KEYS.resolve("bws.crt"), KEYS.resolve("bws.key"));
    static final BasicX509Credential OTHER_KEY = new PemCredentialReader().read(KEYS.resolve("b2b.crt"), KEYS.resolve("b2b.key"));
    static final PortalDefinition ACQ = new PortalDefinition("acq", new LocalizedText("Acquiring", "Acquiring"),
            "https://localhost:8500/acq/saml", "https://localhost:8500/acq/saml/acs",
            "https://localhost:8500/acq/saml/slo", KEYS.resolve("acq.crt"),
            KEYS.resolve("acq.key"), false);

    private Consumer<Response> change = r -> { };
    private BasicX509Credential assertionSigner = IDP_KEY;
    private BasicX509Credential responseSigner;
    private String statusCode = StatusCode.SUCCESS;

    static TestResponses valid() {
        OpenSamlRuntime.initialize();
        return new TestResponses();
    }

    TestResponses change(Consumer<Response> more) {
        change = change.andThen(more);
        return this;
    }

    TestResponses assertionSignedBy(BasicX509Credential key) {
        assertionSigner = key;
        return this;
    }

    TestResponses responseSignedBy(BasicX509Credential key) {
        responseSigner = key;
        return this;
    }

    /** An error Response (no assertion) with this second-level status under Responder, signed as a whole. */
    TestResponses error(String secondLevel) {
        statusCode = secondLevel;
        assertionSigner = null;
        responseSigner = IDP_KEY;
        return this;
    }

    Response build() {
        return parse(xml());
    }

    /** The signed Response's XML with one text replaced after signing. */
    Response tamperedXml(String text, String replacement) {
        String xml = xml();
        if (!xml.contains(text)) {
            throw new AssertionError(text + " not in " + xml);
        }
        return parse(xml.replace(text, replacement));
    }

    private String xml() {
        Response response = build(Response.DEFAULT_ELEMENT_NAME);
        response.setID("_response-1");
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(T0);
        response.setDestination(ACQ.acsUrl());
        response.setInResponseTo(REQUEST_ID);
        response.setIssuer(issuer());
        Status status = build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode top = build(StatusCode.DEFAULT_ELEMENT_NAME);
        if (StatusCode.SUCCESS.equals(statusCode)) {
            top.setValue(StatusCode.SUCCESS);
        } else {
            top.setValue(StatusCode.RESPONDER);
            StatusCode second = build(StatusCode.DEFAULT_ELEMENT_NAME);
            second.setValue(statusCode);
            top.setStatusCode(second);
        }
        status.setStatusCode(top);
        response.setStatus(status);
        if (StatusCode.SUCCESS.equals(statusCode)) {
            response.getAssertions().add(assertion());
        }
        change.accept(response);
        if (assertionSigner != null) {
            response.getAssertions().forEach(a -> new SamlSigner(assertionSigner).sign(a));
        }
        if (responseSigner != null) {
            new SamlSigner(responseSigner).sign(response);
        }
        try {
            return SerializeSupport.nodeToString(XMLObjectSupport.marshall(response));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Assertion assertion() {
        Assertion assertion = build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID("_assertion-1");
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(T0);
        assertion.setIssuer(issuer());
        Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
        NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(NameIDType.PERSISTENT);
        nameId.setValue("opaque-42");
        subject.setNameID(nameId);
        SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(ACQ.acsUrl());
        data.setInResponseTo(REQUEST_ID);
        data.setNotOnOrAfter(T0.plusSeconds(300));
        confirmation.setSubjectConfirmationData(data);
        subject.getSubjectConfirmations().add(confirmation);
        assertion.setSubject(subject);
        Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(T0.minusSeconds(5));
        conditions.setNotOnOrAfter(T0.plusSeconds(300));
        AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        Audience audience = build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setURI(ACQ.entityId());
        restriction.getAudiences().add(audience);
        conditions.getAudienceRestrictions().add(restriction);
        assertion.setConditions(conditions);
        AuthnStatement authn = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(T0.minusSeconds(10));
        authn.setSessionIndex("_session-7");
        AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
        AuthnContextClassRef classRef = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setURI("http://eidas.europa.eu/LoA/substantial");
        context.setAuthnContextClassRef(classRef);
        authn.setAuthnContext(context);
        assertion.getAuthnStatements().add(authn);
        AttributeStatement attributes = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        Attribute displayName = build(Attribute.DEFAULT_ELEMENT_NAME);
        displayName.setName("urn:oid:2.16.840.1.113730.3.1.241");
        displayName.setFriendlyName("displayName");
        XSString value = (XSString) XMLObjectSupport.getBuilder(XSString.TYPE_NAME)
                .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
        value.setValue("Janez Novak");
        displayName.getAttributeValues().add(value);
        attributes.getAttributes().add(displayName);
        assertion.getAttributeStatements().add(attributes);
        return assertion;
    }

    static Issuer issuer() {
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(IDP);
        return issuer;
    }

    @SuppressWarnings("unchecked")
    static <T> T build(QName name) {
        return (T) XMLObjectSupport.buildXMLObject(name);
    }

    private static Response parse(String xml) {
        try {
            return (Response) XMLObjectSupport.unmarshallFromInputStream(OpenSamlRuntime.initialize(),
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
