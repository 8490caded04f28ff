package si.bankart.prehod.response;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.EntityId;
import java.util.Optional;
import si.bankart.prehod.sp.AcsEndpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.testing.TestXPath.count;
import static si.bankart.prehod.testing.TestXPath.value;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

import si.bankart.prehod.assertion.AssertionBuilder;
import si.bankart.prehod.directory.User;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.testing.FixedIds;
import si.bankart.prehod.testing.GoldenFiles;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.xml.OpenSamlRuntime;

class ResponseBuilderTest {

    private static final String IDP = "https://idp.test/idp";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final BasicX509Credential IDP_KEY = GoldenFiles.SIGNING_KEY;
    private static final TestServiceProvider SP = TestServiceProvider.named("response");

    static {
        OpenSamlRuntime.initialize();
    }

    private final FixedIds ids = new FixedIds();
    private final ResponseBuilder builder = new ResponseBuilder(EntityId.of(IDP), new SamlSigner(IDP_KEY), new AssertionEncrypter(),
            Clock.fixed(NOW, ZoneOffset.UTC), ids);

    private static Reply<AcsEndpoint> reply(RegisteredSp sp) {
        return new Reply<>(sp, sp.metadata().defaultAcs().orElseThrow(), Optional.of(RequestId.of("_request-1")),
                Optional.of(RelayState.of("relay-1")));
    }

    private Assertion assertion(Reply<AcsEndpoint> reply) {
        SsoSession session = new SsoSession("cookie", "ana", "test", LevelOfAssurance.SUBSTANTIAL, NOW, NOW,
                NOW.plus(Duration.ofHours(8)), List.of());
        return new AssertionBuilder(EntityId.of(IDP), Duration.ofMinutes(5), ids).build(reply, session,
                new SpSession(SP.id(), "_si", "nid", NameIdFormat.PERSISTENT), new User("ana", Map.of()), NOW);
    }

    /** As the SP receives it: serialised and parsed again. */
    private SamlReply success(RegisteredSp sp) {
        Reply<AcsEndpoint> reply = reply(sp);
        return builder.success(reply, assertion(reply));
    }

    private static Response received(SamlReply reply) {
        return TestXml.roundTrip(reply.response());
    }

    /** The SAML signature profile and the IdP's public certificate only. */
    private static void assertSignedByTheIdp(SignableSAMLObject object) {
        assertNotNull(object.getSignature(), "signature");
        try {
            new SAMLSignatureProfileValidator().validate(object.getSignature());
            SignatureValidator.validate(object.getSignature(), new BasicX509Credential(IDP_KEY.getEntityCertificate()));
        } catch (Exception e) {
            throw new AssertionError("signature does not verify with the IdP certificate", e);
        }
        assertEquals(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, object.getSignature().getSignatureAlgorithm());
    }

    private static Decrypter decrypterWith(BasicX509Credential key) {
        Decrypter decrypter = new Decrypter(null, new StaticKeyInfoCredentialResolver(key), new InlineEncryptedKeyResolver());
        decrypter.setRootInNewDocument(true);
        return decrypter;
    }

    private static void assertStatus(Response response, String topLevel, String secondLevel) {
        StatusCode code = response.getStatus().getStatusCode();
        assertEquals(topLevel, code.getValue());
        if (secondLevel == null) {
            assertNull(code.getStatusCode(), "no second-level code");
        } else {
            assertEquals(secondLevel, code.getStatusCode().getValue());
        }
    }

    // --- success

    @Test
    void successCarriesAnAssertionSignedWithTheIdpKey() {
        Response response = received(success(SP.registered()));
        assertEquals(1, response.getAssertions().size());
        assertSignedByTheIdp(response.getAssertions().get(0));
        assertStatus(response, StatusCode.SUCCESS, null);
    }

    @Test
    void successIsAddressedToTheAcsForTheRequest() {
        SamlReply reply = success(SP.registered());
        Response response = received(reply);
        assertEquals(SP.acsUrl(), response.getDestination());
        assertEquals("_request-1", response.getInResponseTo());
        assertEquals(IDP, response.getIssuer().getValue());
        assertEquals(NOW, response.getIssueInstant());
        assertEquals(SP.acsUrl(), reply.acsLocation());
        assertEquals("relay-1", reply.relayState());
        assertTrue(reply.isSuccess());
    }

    @Test
    void responseIsNotSignedWhenThePolicyDoesNotSayItIs() {
        assertNull(received(success(SP.registered())).getSignature());
    }

    @Test
    void responseIsSignedWhenThePolicySaysSignResponse() {
        Response response = received(success(TestPolicy.of(SP).signResponse(true).registered()));
        assertSignedByTheIdp(response);
        assertSignedByTheIdp(response.getAssertions().get(0));
    }

    @Test
    void encryptedAssertionReplacesThePlainOne() {
        String xml = TestXml.serialize(success(TestPolicy.of(SP).encryptAssertion(true).registered()).response());
        assertEquals(1, count(xml, "/samlp:Response/saml:EncryptedAssertion"));
        assertEquals(0, count(xml, "//saml:Assertion"));
    }

    @Test
    void encryptedAssertionUsesAes256GcmAndRsaOaep() {
        String xml = TestXml.serialize(success(TestPolicy.of(SP).encryptAssertion(true).registered()).response());
        assertEquals(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
                value(xml, "//saml:EncryptedAssertion/xenc:EncryptedData/xenc:EncryptionMethod/@Algorithm"));
        assertEquals(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP,
                value(xml, "//saml:EncryptedAssertion//xenc:EncryptedKey/xenc:EncryptionMethod/@Algorithm"));
    }

    @Test
    void encryptedAssertionDecryptsWithTheSpKeyToASignedAssertion() throws Exception {
        Response response = received(success(TestPolicy.of(SP).encryptAssertion(true).registered()));
        EncryptedAssertion encrypted = response.getEncryptedAssertions().get(0);

        Assertion assertion = decrypterWith(SP.credential()).decrypt(encrypted);

        assertEquals(SP.entityId(), assertion.getConditions().getAudienceRestrictions().get(0).getAudiences().get(0).getURI());
        assertSignedByTheIdp(assertion);
    }

    @Test
    void signedResponseAroundAnEncryptedAssertionVerifies() throws Exception {
        Response response = received(success(TestPolicy.of(SP).encryptAssertion(true).signResponse(true).registered()));
        assertSignedByTheIdp(response);
        assertSignedByTheIdp(decrypterWith(SP.credential()).decrypt(response.getEncryptedAssertions().get(0)));
    }

    @Test
    void encryptedAssertionDoesNotDecryptWithAnotherKey() {
        Response response = received(success(TestPolicy.of(SP).encryptAssertion(true).registered()));
        EncryptedAssertion encrypted = response.getEncryptedAssertions().get(0);
        assertThrows(DecryptionException.class, () -> decrypterWith(TestCredentials.named("not-the-sp")).decrypt(encrypted));
    }

    @Test
    void signedSuccessMatchesTheGoldenFile() {
        GoldenFiles.assertMatchesGolden(ResponseBuilderTest.class, "success",
                GoldenFiles.xml(success(TestPolicy.of(SP).signResponse(true).registered()).response()));
    }

    // --- error

    @Test
    void errorMatchesTheGoldenFile() {
        GoldenFiles.assertMatchesGolden(ResponseBuilderTest.class, "error", GoldenFiles.xml(
                builder.error(reply(SP.registered()), SamlStatus.RESPONDER_AUTHN_FAILED, "ABCD-2345").response()));
    }

    @ParameterizedTest
    @EnumSource(SamlStatus.class)
    void errorCarriesTheStatusCodesOf(SamlStatus status) {
        Response response = received(builder.error(reply(SP.registered()), status, "ABCD-2345"));
        assertStatus(response, status.topLevel(), status.secondLevel());
    }

    @Test
    void errorStatusCodesAreTheSpecsUris() {
        Response response = received(builder.error(reply(SP.registered()), SamlStatus.REQUESTER_NO_AUTHN_CONTEXT, "X"));
        assertStatus(response, "urn:oasis:names:tc:SAML:2.0:status:Requester",
                "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext");
        Response mismatch = received(builder.error(reply(SP.registered()), SamlStatus.VERSION_MISMATCH_TOO_LOW, "X"));
        assertStatus(mismatch, "urn:oasis:names:tc:SAML:2.0:status:VersionMismatch",
                "urn:oasis:names:tc:SAML:2.0:status:RequestVersionTooLow");
    }

    @Test
    void errorIsSignedCarriesNoAssertionAndQuotesTheIncident() {
        SamlReply reply = builder.error(reply(SP.registered()), SamlStatus.RESPONDER_AUTHN_FAILED, "ABCD-2345");
        Response response = received(reply);
        assertSignedByTheIdp(response);
        assertTrue(response.getAssertions().isEmpty());
        assertTrue(response.getEncryptedAssertions().isEmpty());
        assertEquals("incident ABCD-2345", response.getStatus().getStatusMessage().getValue());
        assertEquals("_request-1", response.getInResponseTo());
        assertEquals(SP.acsUrl(), response.getDestination());
        assertEquals(false, reply.isSuccess());
    }

    @Test
    void errorToAnEncryptingSpCarriesNoAssertionEither() {
        Response response = received(builder.error(reply(TestPolicy.of(SP).encryptAssertion(true).registered()),
                SamlStatus.REQUESTER_NO_PASSIVE, "X"));
        assertTrue(response.getAssertions().isEmpty());
        assertTrue(response.getEncryptedAssertions().isEmpty());
    }
}
