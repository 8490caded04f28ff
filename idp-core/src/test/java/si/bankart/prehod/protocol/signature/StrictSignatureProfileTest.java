package si.bankart.prehod.protocol.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.testing.TestXmlSignatures;

/** Each rule of the strict profile, each against the control: the same message signed with exclusive c14n. */
class StrictSignatureProfileTest {

    private static final TestServiceProvider SP = TestServiceProvider.named("xml-signature");
    private static final X509Certificate SP_CERT = SP.credential().getEntityCertificate();
    private static final BasicX509Credential ATTACKER = TestCredentials.named("not-the-sp");
    private static final String OTHER_ELEMENT =
            "<samlp:Extensions><t:Other xmlns:t=\"urn:test\" ID=\"_other-1\">x</t:Other></samlp:Extensions>";

    private final StrictSignatureProfile profile = new StrictSignatureProfile();

    private static TestAuthnRequests request() {
        return TestAuthnRequests.valid(SP, "https://idp.test/sso").id("_signed-1");
    }

    private static TestXmlSignatures bySp() {
        return TestXmlSignatures.by(SP.credential());
    }

    /** The unsigned request with a second element that has an ID of its own, after where the signature goes. */
    private static String withOtherElement() {
        String xml = request().xml();
        int afterIssuer = xml.indexOf("</saml2:Issuer>") + "</saml2:Issuer>".length();
        return xml.substring(0, afterIssuer) + OTHER_ELEMENT.replace("samlp:", "saml2p:") + xml.substring(afterIssuer);
    }

    private SignatureVerdict verify(String signedXml, X509Certificate... trusted) {
        return profile.verify(TestXml.<AuthnRequest>parse(signedXml), List.of(trusted));
    }

    private static void assertRefused(SignatureVerdict verdict, SignatureViolation violation, String reason) {
        assertEquals(Optional.of(violation), verdict.violation(), verdict.reason());
        assertTrue(verdict.reason().contains(reason), verdict.reason());
        assertEquals(SamlStatus.REQUESTER_REQUEST_DENIED, verdict.status());
    }

    @Test
    void acceptsAnEnvelopedSignatureByTheSpsKey() {
        assertEquals(SignatureVerdict.VALID, verify(request().signedXml(), SP_CERT));
    }

    @Test
    void acceptsTheSameMessageSignedByHandWithExclusiveC14n() {
        assertEquals(SignatureVerdict.VALID, verify(bySp().sign(request().xml()), SP_CERT));
    }

    @Test
    void acceptsTheSecondKeyDuringARollover() {
        assertTrue(verify(request().signedXml(), ATTACKER.getEntityCertificate(), SP_CERT).valid());
    }

    @Test
    void acceptsAKeyInfoThatCarriesTheSpsOwnCertificate() {
        assertEquals(SignatureVerdict.VALID, verify(bySp().withKeyInfo(SP_CERT).sign(request().xml()), SP_CERT));
    }

    @Test
    void refusesAnAttackersKeyOfferedInKeyInfo() {
        String forged = TestXmlSignatures.by(ATTACKER).withKeyInfo(ATTACKER.getEntityCertificate()).sign(request().xml());

        assertRefused(verify(forged, SP_CERT), SignatureViolation.DOES_NOT_VERIFY, "does not verify");
    }

    @Test
    void refusesCanonicalizationWithComments() {
        String signed = bySp().canonicalization(SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS).sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.CANONICALIZATION_NOT_ALLOWED, "#WithComments");
    }

    @Test
    void refusesInclusiveCanonicalization() {
        String signed = bySp().canonicalization(SignatureConstants.ALGO_ID_C14N_OMIT_COMMENTS).sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.CANONICALIZATION_NOT_ALLOWED, "REC-xml-c14n-20010315");
    }

    @Test
    void refusesATransformWithComments() {
        String signed = bySp().transforms(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
                SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS).sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.TRANSFORM_NOT_ALLOWED, "#WithComments");
    }

    @Test
    void refusesAnInclusiveC14nTransform() {
        String signed = bySp().transforms(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
                SignatureConstants.ALGO_ID_C14N_OMIT_COMMENTS).sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.TRANSFORM_NOT_ALLOWED, "REC-xml-c14n-20010315");
    }

    @Test
    void refusesAnExtraXPathTransform() {
        String signed = bySp().withXPathTransform().sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.TRANSFORM_NOT_ALLOWED, "REC-xpath-19991116");
    }

    @Test
    void refusesATransformWithoutAnAlgorithm() {
        // Found by LogoutResponseFuzzTest: the allow-list lookup threw NullPointerException.
        String signed = request().signedXml().replace("<ds:Transform Algorithm=", "<ds:Transform Algnrithm=");

        assertRefused(verify(signed, SP_CERT), SignatureViolation.TRANSFORM_NOT_ALLOWED, "transform null is not allowed");
    }

    @Test
    void refusesAReferenceWithoutTheEnvelopedTransform() {
        String signed = bySp().transforms(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.NOT_ENVELOPED, "no enveloped-signature transform");
    }

    @Test
    void refusesTwoReferences() {
        String signed = bySp().alsoReferencing("#_other-1").sign(withOtherElement());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.NOT_ONE_REFERENCE, "2 References");
    }

    @Test
    void refusesAReferenceToAnotherId() {
        String signed = bySp().referenceTo("#_other-1").sign(withOtherElement());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.REFERENCE_NOT_TO_SIGNED_ELEMENT, "#_other-1");
    }

    @Test
    void refusesAReferenceToTheWholeDocument() {
        String signed = bySp().referenceTo("").sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.REFERENCE_NOT_TO_SIGNED_ELEMENT, "not the signed element's ID");
    }

    @Test
    void refusesASignatureWhoseReferenceIsNotTheRootElement() {
        // Signature wrapping: the signed ID no longer names the element being processed.
        String wrapped = request().signedXml().replace("ID=\"_signed-1\"", "ID=\"_evil-1\"");

        assertRefused(verify(wrapped, SP_CERT), SignatureViolation.REFERENCE_NOT_TO_SIGNED_ELEMENT, "_evil-1");
    }

    @Test
    void refusesASignedIdThatASecondElementAlsoCarries() {
        String signed = bySp().sign(request().xml());
        int signatureEnd = signed.indexOf("</ds:Signature>") + "</ds:Signature>".length();
        String twice = signed.substring(0, signatureEnd)
                + OTHER_ELEMENT.replace("samlp:", "saml2p:").replace("_other-1", "_signed-1") + signed.substring(signatureEnd);

        assertRefused(verify(twice, SP_CERT), SignatureViolation.REFERENCE_NOT_TO_SIGNED_ELEMENT, "alone");
    }

    @Test
    void refusesADsObject() {
        String signed = bySp().withObject().sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.OBJECT_NOT_ALLOWED, "ds:Object");
    }

    @Test
    void refusesSha1Signatures() {
        String signed = bySp().algorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
                SignatureConstants.ALGO_ID_DIGEST_SHA256).sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.SIGNATURE_ALGORITHM_NOT_ALLOWED, "rsa-sha1");
    }

    @Test
    void refusesSha1Digests() {
        String signed = bySp().algorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                SignatureConstants.ALGO_ID_DIGEST_SHA1).sign(request().xml());

        assertRefused(verify(signed, SP_CERT), SignatureViolation.DIGEST_ALGORITHM_NOT_ALLOWED, "sha1");
    }

    /** The signed request with three characters more at the start of this element's base64 text. */
    private static String brokenBase64In(String element) {
        String signed = request().signedXml();
        int value = signed.indexOf("<ds:" + element + ">") + element.length() + 5;
        return signed.substring(0, value) + "AAA" + signed.substring(value);
    }

    @Test
    void refusesASignatureValueThatIsNotBase64() {
        // Found by AuthnRequestFuzzTest: Santuario threw IllegalArgumentException instead of answering "invalid".
        assertRefused(verify(brokenBase64In("SignatureValue"), SP_CERT), SignatureViolation.VALUE_NOT_BASE64,
                "SignatureValue is not base64");
    }

    @Test
    void refusesMarkupInsideTheSignatureValue() {
        // Found by SoapLogoutAnswerFuzzTest: Santuario reads only the element's own text, so markup passed a text check.
        String signed = request().signedXml();
        int value = signed.indexOf("<ds:SignatureValue>") + "<ds:SignatureValue>".length();
        String broken = signed.substring(0, value) + "A<ds:X>B</ds:X>" + signed.substring(value);

        assertRefused(verify(broken, SP_CERT), SignatureViolation.VALUE_NOT_BASE64, "SignatureValue is not base64");
    }

    @Test
    void refusesADigestValueThatIsNotBase64() {
        assertRefused(verify(brokenBase64In("DigestValue"), SP_CERT), SignatureViolation.VALUE_NOT_BASE64,
                "DigestValue is not base64");
    }

    @Test
    void refusesAnUnsignedMessage() {
        assertRefused(verify(request().xml(), SP_CERT), SignatureViolation.NOT_SIGNED, "not signed");
    }

    @Test
    void refusesWhenThereIsNoTrustedCertificate() {
        assertRefused(verify(request().signedXml()), SignatureViolation.NO_TRUSTED_KEY, "no signing certificate");
    }

    @Test
    void refusesAModifiedSignedMessage() {
        String modified = request().signedXml().replace("https://idp.test/sso", "https://idp.test/ssx");

        assertRefused(verify(modified, SP_CERT), SignatureViolation.DOES_NOT_VERIFY, "does not verify");
    }
}
