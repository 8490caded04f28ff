package si.bankart.prehod.logout;

import java.time.Instant;
import java.util.function.Consumer;

import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.protocol.signature.QuerySignature;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestQuerySignatures;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.testing.TestXmlSignatures;
import si.bankart.prehod.xml.SamlObjects;

/**
 * "Start valid, change one thing": a LogoutRequest from a test SP naming what the IdP issued to it, changed by the
 * test, then serialised for either binding with or without a signature.
 */
public final class TestLogoutRequests {

    private final TestServiceProvider sp;
    private final String destination;
    private final SpSession issued;
    private Consumer<LogoutRequest> change = r -> { };
    private Instant issueInstant = SloFixtures.NOW;
    private String id = "_logout-" + java.util.UUID.randomUUID().toString().replace("-", "");

    private TestLogoutRequests(TestServiceProvider sp, String destination, SpSession issued) {
        this.sp = sp;
        this.destination = destination;
        this.issued = issued;
    }

    /** From {@code sp} to our POST SLO endpoint, naming its NameID and SessionIndex from {@link SloFixtures#session()}. */
    public static TestLogoutRequests valid(TestServiceProvider sp) {
        return new TestLogoutRequests(sp, SloFixtures.POST_SLO, SloFixtures.spSession(sp));
    }

    public static TestLogoutRequests valid(TestServiceProvider sp, String destination) {
        return new TestLogoutRequests(sp, destination, SloFixtures.spSession(sp));
    }

    public TestLogoutRequests with(Consumer<LogoutRequest> more) {
        this.change = this.change.andThen(more);
        return this;
    }

    public TestLogoutRequests issuedAt(Instant instant) {
        this.issueInstant = instant;
        return this;
    }

    public TestLogoutRequests id(String value) {
        this.id = value;
        return this;
    }

    public LogoutRequest build() {
        LogoutRequest request = SamlObjects.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        TestAuthnRequests.valid(request, id, issueInstant, destination, sp);
        NameID nameId = SamlObjects.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(issued.nameId());
        nameId.setFormat(issued.nameIdFormat().uri());
        request.setNameID(nameId);
        SessionIndex index = SamlObjects.build(SessionIndex.DEFAULT_ELEMENT_NAME);
        index.setValue(issued.sessionIndex());
        request.getSessionIndexes().add(index);
        change.accept(request);
        return request;
    }

    /** As the IdP receives it over HTTP-POST without a signature: serialised and parsed. */
    public LogoutRequest received() {
        return TestXml.roundTrip(build());
    }

    /** Signed with an enveloped XML signature (HTTP-POST binding) and parsed as the IdP receives it. */
    public LogoutRequest signed(BasicX509Credential signer, String signatureAlgorithm, String digestAlgorithm) {
        return TestXml.parse(TestXmlSignatures.by(signer).algorithms(signatureAlgorithm, digestAlgorithm)
                .sign(TestXml.serialize(build())));
    }

    public LogoutRequest signed() {
        return signed(sp.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                SignatureConstants.ALGO_ID_DIGEST_SHA256);
    }

    /** The HTTP-Redirect query signature (SAML bindings §3.4.4.1) over this request and RelayState. */
    public QuerySignature querySignature(String relayState, BasicX509Credential signer, String sigAlg) {
        return TestQuerySignatures.from(TestAuthnRequests.redirectQuery(TestXml.serialize(build()), relayState, signer,
                sigAlg));
    }

    public QuerySignature querySignature(String relayState) {
        return querySignature(relayState, sp.credential(), SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
    }
}
