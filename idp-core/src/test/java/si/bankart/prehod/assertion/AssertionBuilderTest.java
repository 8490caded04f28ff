package si.bankart.prehod.assertion;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.EntityId;
import java.util.Optional;
import si.bankart.prehod.sp.AcsEndpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.testing.TestXPath.count;
import static si.bankart.prehod.testing.TestXPath.value;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.Assertion;

import si.bankart.prehod.directory.User;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.testing.FixedIds;
import si.bankart.prehod.testing.GoldenFiles;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.xml.OpenSamlRuntime;

class AssertionBuilderTest {

    private static final String IDP = "https://idp.test/idp";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant AUTHN = Instant.parse("2026-03-02T08:40:00Z");
    private static final Instant SESSION_END = Instant.parse("2026-03-02T16:40:00Z");
    private static final TestServiceProvider SP = TestServiceProvider.named("assertion");
    private static final User ANA = new User("ana.novak", Map.of("displayName", "Ana Novak", "mail", "ana@bank.test",
            "taxNumber", "12345678"));
    private static final SsoSession SESSION = new SsoSession("cookie-1", ANA.id(), "test", LevelOfAssurance.SUBSTANTIAL,
            AUTHN, NOW, SESSION_END, List.of());
    private static final SpSession PERSISTENT = new SpSession(SP.id(), "_session-index-1", "opaque-persistent-id",
            NameIdFormat.PERSISTENT);

    static {
        OpenSamlRuntime.initialize();
    }

    private static Reply<AcsEndpoint> reply(RegisteredSp sp, String inResponseTo) {
        return new Reply<>(sp, sp.metadata().defaultAcs().orElseThrow(), RequestId.from(inResponseTo),
                Optional.of(RelayState.of("relay-1")));
    }

    private static String xml(Reply<AcsEndpoint> reply, SpSession spSession, User user) {
        Assertion assertion = new AssertionBuilder(EntityId.of(IDP), LIFETIME, new FixedIds()).build(reply, SESSION, spSession, user, NOW);
        try {
            return SerializeSupport.prettyPrintXML(XMLObjectSupport.marshall(assertion));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String xml() {
        return xml(reply(SP.registered(), "_request-1"), PERSISTENT, ANA);
    }

    @Test
    void matchesTheGoldenFile() {
        GoldenFiles.assertMatchesGolden(AssertionBuilderTest.class, "persistentSubstantialWithAttributes", xml());
    }

    @Test
    void hasIdVersionIssueInstantAndIssuerWithEntityFormat() {
        String xml = xml();
        assertEquals("_id-1", value(xml, "/saml:Assertion/@ID"));
        assertEquals("2.0", value(xml, "/saml:Assertion/@Version"));
        assertEquals("2026-03-02T09:00:00.000Z", value(xml, "/saml:Assertion/@IssueInstant"));
        assertEquals(IDP, value(xml, "/saml:Assertion/saml:Issuer"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:entity", value(xml, "/saml:Assertion/saml:Issuer/@Format"));
    }

    @Test
    void persistentNameIdCarriesFormatAndBothQualifiers() {
        String xml = xml();
        String nameId = "/saml:Assertion/saml:Subject/saml:NameID";
        assertEquals("opaque-persistent-id", value(xml, nameId));
        assertEquals(NameIdFormat.PERSISTENT.uri(), value(xml, nameId + "/@Format"));
        assertEquals(IDP, value(xml, nameId + "/@NameQualifier"));
        assertEquals(SP.entityId(), value(xml, nameId + "/@SPNameQualifier"));
    }

    @Test
    void emailNameIdHasNoQualifiers() {
        String xml = xml(reply(SP.registered(), "_request-1"),
                new SpSession(SP.id(), "_s", "ana@bank.test", NameIdFormat.EMAIL), ANA);
        String nameId = "/saml:Assertion/saml:Subject/saml:NameID";
        assertEquals(NameIdFormat.EMAIL.uri(), value(xml, nameId + "/@Format"));
        assertEquals(0, count(xml, nameId + "/@NameQualifier | " + nameId + "/@SPNameQualifier"));
    }

    @Test
    void subjectConfirmationIsBearerForThisRequestAndAcs() {
        String xml = xml();
        String confirmation = "/saml:Assertion/saml:Subject/saml:SubjectConfirmation";
        assertEquals(1, count(xml, confirmation));
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:bearer", value(xml, confirmation + "/@Method"));
        assertEquals("_request-1", value(xml, confirmation + "/saml:SubjectConfirmationData/@InResponseTo"));
        assertEquals(SP.acsUrl(), value(xml, confirmation + "/saml:SubjectConfirmationData/@Recipient"));
        assertEquals("2026-03-02T09:05:00.000Z", value(xml, confirmation + "/saml:SubjectConfirmationData/@NotOnOrAfter"));
        assertEquals(0, count(xml, confirmation + "/saml:SubjectConfirmationData/@NotBefore"));
    }

    @Test
    void unsolicitedAssertionHasNoInResponseTo() {
        String xml = xml(reply(SP.registered(), null), PERSISTENT, ANA);
        assertEquals(0, count(xml, "//saml:SubjectConfirmationData/@InResponseTo"));
    }

    @Test
    void conditionsLimitTimeAndAudienceToTheSp() {
        String xml = xml();
        String conditions = "/saml:Assertion/saml:Conditions";
        assertEquals("2026-03-02T09:00:00.000Z", value(xml, conditions + "/@NotBefore"));
        assertEquals("2026-03-02T09:05:00.000Z", value(xml, conditions + "/@NotOnOrAfter"));
        assertEquals(1, count(xml, conditions + "/saml:AudienceRestriction/saml:Audience"));
        assertEquals(SP.entityId(), value(xml, conditions + "/saml:AudienceRestriction/saml:Audience"));
    }

    @Test
    void authnStatementCarriesTheSessionsInstantIndexEndAndLevel() {
        String xml = xml();
        String statement = "/saml:Assertion/saml:AuthnStatement";
        assertEquals(1, count(xml, statement));
        assertEquals("2026-03-02T08:40:00.000Z", value(xml, statement + "/@AuthnInstant"));
        assertEquals("_session-index-1", value(xml, statement + "/@SessionIndex"));
        assertEquals("2026-03-02T16:40:00.000Z", value(xml, statement + "/@SessionNotOnOrAfter"));
        assertEquals("http://eidas.europa.eu/LoA/substantial",
                value(xml, statement + "/saml:AuthnContext/saml:AuthnContextClassRef"));
    }

    @Test
    void authnContextClassRefIsWrittenInTheSpsVocabulary() {
        RegisteredSp sp = TestPolicy.of(SP).authnContextClassRefs(Map.of(LevelOfAssurance.LOW, "urn:sp:loa:1",
                LevelOfAssurance.SUBSTANTIAL, "urn:sp:loa:2", LevelOfAssurance.HIGH, "urn:sp:loa:3")).registered();
        String xml = xml(reply(sp, "_request-1"), PERSISTENT, ANA);
        assertEquals("urn:sp:loa:2", value(xml, "//saml:AuthnContextClassRef"));
    }

    @Test
    void releasesExactlyThePolicysAttributesAndNoOthers() {
        String xml = xml();
        assertEquals(2, count(xml, "//saml:Attribute"));
        assertEquals("Ana Novak", value(xml, "//saml:Attribute[@Name='displayName']/saml:AttributeValue"));
        assertEquals("ana@bank.test", value(xml, "//saml:Attribute[@Name='mail']/saml:AttributeValue"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:attrname-format:basic",
                value(xml, "//saml:Attribute[@Name='mail']/@NameFormat"));
        assertEquals(0, count(xml, "//saml:Attribute[@Name='taxNumber']"));
        assertEquals(0, count(xml, "//*[text()='12345678']"));
    }

    @Test
    void omitsAReleasedAttributeTheUserDoesNotHave() {
        String xml = xml(reply(SP.registered(), "_request-1"), PERSISTENT, new User("bor", Map.of("mail", "bor@bank.test")));
        assertEquals(1, count(xml, "//saml:Attribute"));
        assertEquals(0, count(xml, "//saml:Attribute[@Name='displayName']"));
    }

    @Test
    void releasesTheSessionsLoginMethodWhenThePolicyNamesIt() {
        String xml = xml(reply(TestPolicy.of(SP).releasedAttributes("displayName", AssertionBuilder.LOGIN_METHOD).registered(),
                "_request-1"), PERSISTENT, ANA);
        assertEquals(2, count(xml, "//saml:Attribute"));
        assertEquals("test", value(xml, "//saml:Attribute[@Name='loginMethod']/saml:AttributeValue"));
    }

    @Test
    void hasNoAttributeStatementWhenNothingIsReleased() {
        String xml = xml(reply(TestPolicy.of(SP).releasedAttributes().registered(), "_request-1"), PERSISTENT, ANA);
        assertEquals(0, count(xml, "//saml:AttributeStatement"));
    }
}
