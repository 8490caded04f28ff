package si.bankart.prehod.protocol.rule;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertReasonMentions;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.established;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.post;
import static si.bankart.prehod.request.rule.RuleCheck.redirect;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.security.credential.CredentialSupport;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.protocol.signature.QuerySignature;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.protocol.signature.QuerySignatureVerifier;
import si.bankart.prehod.protocol.signature.SpSignature;
import si.bankart.prehod.protocol.signature.StrictSignatureProfile;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.SpMetadata;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestQuerySignatures;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.request.rule.RuleCheck;

class SignaturePresentWhenRequiredOnAuthnRequestTest {

    private static final String RELAY_STATE = "rs-123";
    private static final TestServiceProvider SIGNING_SP = SP.requiringSignedRequests();
    private static final BasicX509Credential OTHER_KEY = TestCredentials.named("not-the-sp");

    private final SignaturePresentWhenRequired rule = rule(false);

    private static SignaturePresentWhenRequired rule(boolean idpRequiresSignedRequests) {
        return new SignaturePresentWhenRequired(new SpSignature(idpRequiresSignedRequests, new QuerySignatureVerifier(),
                new StrictSignatureProfile()));
    }

    private static TestAuthnRequests redirectRequest() {
        return TestAuthnRequests.valid(SIGNING_SP, RuleCheck.REDIRECT_ENDPOINT).issuedAt(RuleCheck.NOW);
    }

    private static TestAuthnRequests postRequest(TestServiceProvider sp) {
        return TestAuthnRequests.valid(sp, RuleCheck.POST_ENDPOINT).issuedAt(RuleCheck.NOW);
    }

    /** The Redirect request's check, with the signature read from the query string. */
    private static RequestRejected rejectedRedirect(SignaturePresentWhenRequired rule, TestAuthnRequests request,
            QuerySignature signature) {
        return rejected(rule, established(SIGNING_SP.registered(), redirect(request.build(), RELAY_STATE, signature)));
    }

    private static AuthnRequest parsed(String xml) {
        return TestXml.parse(xml);
    }

    // --- required and missing

    @Test
    void rejectsUnsignedPostWhenMetadataSaysAuthnRequestsSigned() {
        RequestRejected thrown = rejected(rule, established(SIGNING_SP.registered(),
                post(parsed(postRequest(SIGNING_SP).xml()))));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "must be signed");
    }

    @Test
    void rejectsUnsignedRedirectWhenMetadataSaysAuthnRequestsSigned() {
        RequestRejected thrown = rejectedRedirect(rule, redirectRequest(), null);
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "must be signed");
    }

    @Test
    void rejectsUnsignedPostWhenPolicyRequiresSignedRequests() {
        RegisteredSp sp = TestPolicy.of(SP).requireSignedRequests(true).registered();
        RequestRejected thrown = rejected(rule, established(sp, post(parsed(postRequest(SP).xml()))));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SP.acsUrl());
    }

    @Test
    void rejectsUnsignedPostWhenIdpRequiresSignedRequests() {
        RequestRejected thrown = rejected(rule(true), established(SP.registered(), post(parsed(postRequest(SP).xml()))));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SP.acsUrl());
    }

    @Test
    void passesUnsignedPostToSpThatDoesNotRequireSignatures() {
        passes(rule, established(SP.registered(), post(parsed(postRequest(SP).xml()))));
    }

    @Test
    void passesUnsignedRedirectToSpThatDoesNotRequireSignatures() {
        passes(rule, established(SP.registered(), redirect(postRequest(SP).build(), RELAY_STATE, null)));
    }

    // --- HTTP-Redirect: the query string signature

    @Test
    void acceptsRedirectQuerySignedWithRsaSha256() {
        TestAuthnRequests request = redirectRequest();
        QuerySignature signature = TestQuerySignatures.from(request.signedRedirectQuery(RELAY_STATE));
        passes(rule, established(SIGNING_SP.registered(), redirect(request.build(), RELAY_STATE, signature)));
    }

    @Test
    void rejectsRedirectQuerySignedWithRsaSha1() {
        TestAuthnRequests request = redirectRequest();
        QuerySignature signature = TestQuerySignatures.from(request.signedRedirectQuery(RELAY_STATE,
                SIGNING_SP.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1));
        RequestRejected thrown = rejectedRedirect(rule, request, signature);
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "is not allowed");
    }

    @Test
    void rejectsRedirectQueryWithHmacSigAlgKeyedWithThePublicCertificate() throws Exception {
        // The classic HMAC confusion: an attacker "signs" with the SP's public certificate as the shared secret.
        String sigAlg = SignatureConstants.ALGO_ID_MAC_HMAC_SHA256;
        String signedPart = "SAMLRequest=" + TestAuthnRequests.encode(TestAuthnRequests.deflateBase64(
                redirectRequest().xml())) + "&RelayState=" + RELAY_STATE + "&SigAlg=" + TestAuthnRequests.encode(sigAlg);
        byte[] mac = XMLSigningUtil.signWithURI(CredentialSupport.getSimpleCredential(new SecretKeySpec(
                SIGNING_SP.credential().getEntityCertificate().getEncoded(), "HmacSHA256")), sigAlg,
                signedPart.getBytes(StandardCharsets.UTF_8));
        QuerySignature signature = new QuerySignature(sigAlg, mac, signedPart.getBytes(StandardCharsets.UTF_8));
        RequestRejected thrown = rejectedRedirect(rule, redirectRequest(), signature);
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "is not allowed");
    }

    @Test
    void rejectsRedirectQueryWhoseSignedContentWasTampered() {
        TestAuthnRequests request = redirectRequest();
        QuerySignature genuine = TestQuerySignatures.from(request.signedRedirectQuery(RELAY_STATE));
        byte[] tampered = new String(genuine.signedContent(), StandardCharsets.UTF_8)
                .replace("RelayState=" + RELAY_STATE, "RelayState=rs-999").getBytes(StandardCharsets.UTF_8);
        QuerySignature signature = new QuerySignature(genuine.sigAlg(), genuine.signature(), tampered);
        RequestRejected thrown = rejectedRedirect(rule, request, signature);
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "does not verify");
    }

    @Test
    void rejectsRedirectQuerySignedByAnotherKey() {
        TestAuthnRequests request = redirectRequest();
        QuerySignature signature = TestQuerySignatures.from(request.signedRedirectQuery(RELAY_STATE, OTHER_KEY,
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256));
        RequestRejected thrown = rejectedRedirect(rule, request, signature);
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "does not verify");
    }

    @Test
    void rejectsRedirectRequestThatAlsoCarriesAnXmlSignature() {
        TestAuthnRequests request = redirectRequest();
        AuthnRequest xmlSigned = parsed(request.signedXml());
        QuerySignature signature = TestQuerySignatures.from(request.signedRedirectQuery(RELAY_STATE));
        RequestRejected thrown = rejected(rule, established(SIGNING_SP.registered(),
                redirect(xmlSigned, RELAY_STATE, signature)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "carries an XML signature");
    }

    @Test
    void rejectsInvalidRedirectQuerySignatureEvenWhenNotRequired() {
        TestAuthnRequests request = TestAuthnRequests.valid(SP, RuleCheck.REDIRECT_ENDPOINT).issuedAt(RuleCheck.NOW);
        QuerySignature signature = TestQuerySignatures.from(request.signedRedirectQuery(RELAY_STATE, OTHER_KEY,
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256));
        RequestRejected thrown = rejected(rule, established(SP.registered(),
                redirect(request.build(), RELAY_STATE, signature)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SP.acsUrl());
    }

    // --- HTTP-POST: the enveloped XML signature

    @Test
    void acceptsPostXmlSignatureWithRsaSha256() {
        AuthnRequest signed = parsed(postRequest(SIGNING_SP).signedXml());
        passes(rule, established(SIGNING_SP.registered(), post(signed)));
    }

    @Test
    void rejectsPostXmlSignatureWithRsaSha1SignatureMethod() {
        AuthnRequest signed = parsed(postRequest(SIGNING_SP).signedXml(SIGNING_SP.credential(),
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA256));
        RequestRejected thrown = rejected(rule, established(SIGNING_SP.registered(), post(signed)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "signature algorithm");
    }

    @Test
    void rejectsPostXmlSignatureWithSha1Digest() {
        AuthnRequest signed = parsed(postRequest(SIGNING_SP).signedXml(SIGNING_SP.credential(),
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA1));
        RequestRejected thrown = rejected(rule, established(SIGNING_SP.registered(), post(signed)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "digest algorithm");
    }

    @Test
    void rejectsPostXmlSignatureByAnotherKey() {
        AuthnRequest signed = parsed(postRequest(SIGNING_SP).signedXml(OTHER_KEY,
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA256));
        RequestRejected thrown = rejected(rule, established(SIGNING_SP.registered(), post(signed)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "does not verify");
    }

    @Test
    void rejectsPostXmlSignatureOverTamperedContent() {
        String xml = postRequest(SIGNING_SP).signedXml();
        String tampered = xml.replace("ForceAuthn=\"false\"", "").replace("<saml2p:AuthnRequest ",
                "<saml2p:AuthnRequest ForceAuthn=\"true\" ");
        AuthnRequest signed = parsed(tampered);
        assertTrue(signed.isForceAuthn(), "tampering took effect");
        RequestRejected thrown = rejected(rule, established(SIGNING_SP.registered(), post(signed)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SIGNING_SP.acsUrl());
        assertReasonMentions(thrown, "does not verify");
    }

    @Test
    void rejectsInvalidPostXmlSignatureEvenWhenNotRequired() {
        AuthnRequest signed = parsed(postRequest(SP).signedXml(OTHER_KEY,
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA256));
        RequestRejected thrown = rejected(rule, established(SP.registered(), post(signed)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SP.acsUrl());
    }

    @Test
    void rejectsPostSignatureWhenSpMetadataHasNoSigningCertificate() {
        TestServiceProvider sp = SIGNING_SP;
        SpMetadata bare = new SpMetadata(sp.entityId(),
                sp.metadata().assertionConsumerServices(), List.of(), List.of(), true, "test");
        RegisteredSp registered = new RegisteredSp(bare, sp.policy());
        RequestRejected thrown = rejected(rule, established(registered, post(parsed(postRequest(sp).signedXml()))));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, sp.acsUrl());
        assertReasonMentions(thrown, "no signing certificate");
    }
}
