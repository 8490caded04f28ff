package si.bankart.prehod.assertion;

import si.bankart.prehod.sp.AcsEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

import si.bankart.prehod.directory.User;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.xml.SamlObjects;


/**
 * Builds the (unsigned) assertion for one SP, following the Web Browser SSO profile (SAML profiles §4.1.4.2): Issuer,
 * Subject with a bearer confirmation, Conditions with the audience, an AuthnStatement with the session's LoA, and
 * exactly the attributes the SP's policy releases.
 */
public final class AssertionBuilder {

    /**
     * A released attribute that is not the user's but the session's: how the user logged in (rekono, certificate), for
     * portals that treat methods differently beyond the level of assurance.
     */
    public static final String LOGIN_METHOD = "loginMethod";

    private final EntityId idpEntityId;
    private final Duration lifetime;
    private final RandomIds ids;

    public AssertionBuilder(EntityId idpEntityId, Duration lifetime, RandomIds ids) {
        this.idpEntityId = idpEntityId;
        this.lifetime = lifetime;
        this.ids = ids;
    }

    public Assertion build(Reply<AcsEndpoint> reply, SsoSession session, SpSession spSession, User user, Instant now) {
        Assertion assertion = SamlObjects.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(ids.samlId());
        assertion.setIssueInstant(now);
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssuer(issuer());
        assertion.setSubject(subject(reply, spSession, now));
        assertion.setConditions(conditions(reply, now));
        assertion.getAuthnStatements().add(authnStatement(reply, session, spSession));
        AttributeStatement attributes = attributes(reply, user, session);
        if (!attributes.getAttributes().isEmpty()) {
            assertion.getAttributeStatements().add(attributes);
        }
        return assertion;
    }

    private Issuer issuer() {
        Issuer issuer = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(idpEntityId.value());
        issuer.setFormat(NameIDType.ENTITY);
        return issuer;
    }

    private Subject subject(Reply<AcsEndpoint> reply, SpSession spSession, Instant now) {
        NameID nameId = SamlObjects.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(spSession.nameId());
        nameId.setFormat(spSession.nameIdFormat().uri());
        if (spSession.nameIdFormat() == NameIdFormat.PERSISTENT || spSession.nameIdFormat() == NameIdFormat.TRANSIENT) {
            nameId.setNameQualifier(idpEntityId.value());
            nameId.setSPNameQualifier(reply.sp().entityId().value());
        }
        SubjectConfirmationData data = SamlObjects.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setInResponseTo(reply.inResponseTo().map(RequestId::value).orElse(null));
        data.setRecipient(reply.location());
        data.setNotOnOrAfter(now.plus(lifetime));
        SubjectConfirmation confirmation = SamlObjects.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        confirmation.setSubjectConfirmationData(data);
        Subject subject = SamlObjects.build(Subject.DEFAULT_ELEMENT_NAME);
        subject.setNameID(nameId);
        subject.getSubjectConfirmations().add(confirmation);
        return subject;
    }

    private Conditions conditions(Reply<AcsEndpoint> reply, Instant now) {
        Audience audience = SamlObjects.build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setURI(reply.sp().entityId().value());
        AudienceRestriction restriction = SamlObjects.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        restriction.getAudiences().add(audience);
        Conditions conditions = SamlObjects.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(now);
        conditions.setNotOnOrAfter(now.plus(lifetime));
        conditions.getAudienceRestrictions().add(restriction);
        return conditions;
    }

    private AuthnStatement authnStatement(Reply<AcsEndpoint> reply, SsoSession session, SpSession spSession) {
        AuthnContextClassRef classRef = SamlObjects.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setURI(reply.sp().policy().vocabulary().classRef(session.loa()));
        AuthnContext context = SamlObjects.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        context.setAuthnContextClassRef(classRef);
        AuthnStatement statement = SamlObjects.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        statement.setAuthnInstant(session.authnInstant());
        statement.setSessionIndex(spSession.sessionIndex());
        statement.setSessionNotOnOrAfter(session.notOnOrAfter());
        statement.setAuthnContext(context);
        return statement;
    }

    private AttributeStatement attributes(Reply<AcsEndpoint> reply, User user, SsoSession session) {
        AttributeStatement statement = SamlObjects.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        for (String name : reply.sp().policy().releasedAttributes()) {
            Optional<String> released = LOGIN_METHOD.equals(name) ? Optional.of(session.method()) : user.attribute(name);
            released.ifPresent(value -> {
                Attribute attribute = SamlObjects.build(Attribute.DEFAULT_ELEMENT_NAME);
                attribute.setName(name);
                attribute.setNameFormat(Attribute.BASIC);
                XSString text = (XSString) XMLObjectSupport.getBuilder(XSString.TYPE_NAME)
                        .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
                text.setValue(value);
                attribute.getAttributeValues().add(text);
                statement.getAttributes().add(attribute);
            });
        }
        return statement;
    }
}
