package si.bankart.prehod.request;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RelayState;
import java.util.Optional;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.rule.IssuerIsKnownSp;
import si.bankart.prehod.protocol.rule.RelayStateFitsLimit;
import si.bankart.prehod.protocol.rule.VersionIs20;
import si.bankart.prehod.protocol.rule.DestinationIsThisEndpoint;
import si.bankart.prehod.protocol.rule.IssueInstantIsFresh;
import si.bankart.prehod.protocol.rule.RequestIdIsNotReplayed;
import si.bankart.prehod.protocol.rule.SignaturePresentWhenRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.loa.AuthnContextVocabulary;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestLimits;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.xml.SamlObjects;

/** The rules together, in the order the IdP runs them. */
class AuthnRequestValidatorTest {

    private static final String ENDPOINT = "https://idp.test/idp/sso/post";
    private static final TestServiceProvider SP = TestServiceProvider.named("validator").requiringSignedRequests();

    private final MutableClock clock = MutableClock.atRealNow();
    private AuthnRequestValidator validator;

    @BeforeEach
    void validatorAsTheIdpWiresIt() throws Exception {
        ServiceProviderRegistry registry = new ServiceProviderRegistry(List.of(SP.metadata()),
                List.of(SP.policy(LevelOfAssurance.SUBSTANTIAL)));
        validator = AuthnRequestValidator.standard(registry, InMemoryStorage.create("test"), TestLimits.SSO, false, clock);
    }

    private TestAuthnRequests request() {
        return TestAuthnRequests.valid(SP, ENDPOINT).issuedAt(clock.instant()).id("_validator-1");
    }

    private static IncomingAuthnRequest post(String xml, String relayState) {
        AuthnRequest request = TestXml.parse(xml);
        return new IncomingAuthnRequest(request, SAMLConstants.SAML2_POST_BINDING_URI, ENDPOINT, relayState,
                Optional.empty());
    }

    private RequestRejected rejected(IncomingAuthnRequest incoming) {
        return assertThrows(RequestRejected.class, () -> validator.validate(incoming));
    }

    /** Production runs exactly this list (Idp.assemble calls standard); reordering or dropping a rule fails here. */
    @Test
    void standardRulesEstablishTheReplyFirstAndCheckTheSignatureBeforeTheContent() {
        assertEquals(List.of("IssuerIsKnownSp", "AcsComesFromMetadata", "RelayStateFitsLimit",
                "SignaturePresentWhenRequired", "VersionIs20", "DestinationIsThisEndpoint", "IssueInstantIsFresh",
                "RequestIdIsNotReplayed", "SubjectIsNotRequested", "NameIdPolicyIsSupported",
                "RequestedAuthnContextIsSatisfiable"), validator.ruleNames());
    }

    @Test
    void validSignedPostRequestYieldsTheSsoRequest() throws Exception {
        String xml = request().with(r -> {
            r.setForceAuthn(true);
            r.setAssertionConsumerServiceIndex(1);
            RequestedAuthnContext requested = SamlObjects.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
            requested.setComparison(AuthnContextComparisonTypeEnumeration.MINIMUM);
            AuthnContextClassRef ref = SamlObjects.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
            ref.setURI(AuthnContextVocabulary.EIDAS.classRef(LevelOfAssurance.LOW));
            requested.getAuthnContextClassRefs().add(ref);
            r.setRequestedAuthnContext(requested);
        }).signedXml();

        SsoRequest result = validator.validate(post(xml, "state-1"));

        assertEquals(new SsoRequest(SP.id(), SP.secondAcsUrl(), Optional.of(RequestId.of("_validator-1")),
                Optional.of(RelayState.of("state-1")), true, false,
                Set.of(LevelOfAssurance.SUBSTANTIAL, LevelOfAssurance.HIGH), NameIdFormat.PERSISTENT), result);
    }

    @Test
    void validRequestWithoutOptionsGetsDefaultAcsAndSpMinimum() throws Exception {
        SsoRequest result = validator.validate(post(request().with(r -> r.setIsPassive(true)).signedXml(), null));

        assertEquals(new SsoRequest(SP.id(), SP.acsUrl(), Optional.of(RequestId.of("_validator-1")), Optional.empty(), false, true,
                Set.of(LevelOfAssurance.SUBSTANTIAL, LevelOfAssurance.HIGH), NameIdFormat.PERSISTENT), result);
    }

    @Test
    void unknownIssuerWithBadSignatureReportsTheIssuerWithoutReply() {
        TestServiceProvider stranger = TestServiceProvider.named("stranger");
        String xml = TestAuthnRequests.valid(stranger, ENDPOINT).issuedAt(clock.instant())
                .signedXml(TestCredentials.named("not-the-sp"), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
                        SignatureConstants.ALGO_ID_DIGEST_SHA1);

        RequestRejected thrown = rejected(post(xml, null));

        assertEquals(SamlStatus.REQUESTER_REQUEST_DENIED, thrown.status());
        assertTrue(thrown.replyTo().isEmpty(), "no reply to an unknown party");
        assertTrue(thrown.reason().contains("not a registered SP"), thrown.reason());
    }

    @Test
    void acsNotInMetadataIsReportedBeforeAWrongVersionAndWithoutReply() {
        String xml = request().with(r -> {
            r.setAssertionConsumerServiceURL("https://evil.test/acs");
            r.setVersion(SAMLVersion.VERSION_11);
        }).signedXml();

        RequestRejected thrown = rejected(post(xml, null));

        assertEquals(SamlStatus.REQUESTER, thrown.status());
        assertTrue(thrown.replyTo().isEmpty());
    }

    @Test
    void badSignatureIsReportedBeforeAnythingInsideTheRequest() {
        String xml = request().with(r -> r.setDestination("https://other-idp.test/sso"))
                .signedXml(TestCredentials.named("not-the-sp"), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                        SignatureConstants.ALGO_ID_DIGEST_SHA256);

        RequestRejected thrown = rejected(post(xml, "state-1"));

        assertEquals(SamlStatus.REQUESTER_REQUEST_DENIED, thrown.status());
        assertTrue(thrown.reason().contains("signature"), thrown.reason());
        assertEquals(SP.acsUrl(), thrown.replyTo().orElseThrow().location());
        assertEquals(Optional.of(RelayState.of("state-1")), thrown.replyTo().orElseThrow().relayState());
    }

    @Test
    void replayedValidRequestIsRefusedTheSecondTime() throws Exception {
        String xml = request().signedXml();
        validator.validate(post(xml, null));

        RequestRejected thrown = rejected(post(xml, null));

        assertEquals(SamlStatus.REQUESTER_REQUEST_DENIED, thrown.status());
        assertEquals(SP.acsUrl(), thrown.replyTo().orElseThrow().location());
    }
}
