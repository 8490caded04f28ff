package si.bankart.prehod.logout;

import java.time.Instant;
import java.util.function.Consumer;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.xml.SamlObjects;

/** "Start valid, change one thing": an SP's Success LogoutResponse to our request, to our POST SLO endpoint. */
public final class TestLogoutResponses {

    private final TestServiceProvider sp;
    private final String inResponseTo;
    private Consumer<LogoutResponse> change = r -> { };
    private Instant issueInstant = SloFixtures.NOW;

    private TestLogoutResponses(TestServiceProvider sp, String inResponseTo) {
        this.sp = sp;
        this.inResponseTo = inResponseTo;
    }

    public static TestLogoutResponses valid(TestServiceProvider sp, String inResponseTo) {
        return new TestLogoutResponses(sp, inResponseTo);
    }

    public TestLogoutResponses with(Consumer<LogoutResponse> more) {
        this.change = this.change.andThen(more);
        return this;
    }

    public TestLogoutResponses issuedAt(Instant instant) {
        this.issueInstant = instant;
        return this;
    }

    public LogoutResponse build() {
        LogoutResponse response = SamlObjects.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID("_sp-answer-" + java.util.UUID.randomUUID().toString().replace("-", ""));
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(issueInstant);
        response.setDestination(SloFixtures.POST_SLO);
        response.setInResponseTo(inResponseTo);
        Issuer issuer = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(sp.entityId());
        response.setIssuer(issuer);
        StatusCode code = SamlObjects.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        Status status = SamlObjects.build(Status.DEFAULT_ELEMENT_NAME);
        status.setStatusCode(code);
        response.setStatus(status);
        change.accept(response);
        return response;
    }

    public LogoutResponse received() {
        return TestXml.roundTrip(build());
    }

    public LogoutResponse signed(BasicX509Credential signer, String signatureAlgorithm) {
        LogoutResponse response = build();
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(signer);
        parameters.setSignatureAlgorithm(signatureAlgorithm);
        parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        try {
            SignatureSupport.signObject(response, parameters);
            return TestXml.parse(SerializeSupport.nodeToString(response.getDOM()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public LogoutResponse signed() {
        return signed(sp.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
    }
}
