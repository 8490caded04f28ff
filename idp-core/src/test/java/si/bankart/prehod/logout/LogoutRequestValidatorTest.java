package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.RequestRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.logout.SloFixtures.MAX_AGE;
import static si.bankart.prehod.logout.SloFixtures.SKEW;
import static si.bankart.prehod.logout.SloFixtures.SP;
import static si.bankart.prehod.logout.SloFixtures.post;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutRequest;

import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;
import si.bankart.prehod.testing.TestXmlSignatures;

/** The rules in the order the web layer will use, over whole requests: the security regressions of issue 6. */
class LogoutRequestValidatorTest {

    private static final RegisteredSp SIGNING = SloFixtures.registered(SP.requiringSignedRequests(),
            SloFixtures.redirectSlo(SP), SloFixtures.postSlo(SP));
    private static final TestServiceProvider OTHER = SloFixtures.OTHER_SP;

    private final MutableClock clock = MutableClock.atRealNow();
    private LogoutRequestValidator validator;

    private TestLogoutRequests request(TestServiceProvider sp) {
        return TestLogoutRequests.valid(sp).issuedAt(clock.instant());
    }

    private TestLogoutRequests request(TestServiceProvider sp, String destination) {
        return TestLogoutRequests.valid(sp, destination).issuedAt(clock.instant());
    }

    @BeforeEach
    void validatorOverAFreshReplayCache() throws Exception {
        ServiceProviderRegistry registry = new ServiceProviderRegistry(
                List.of(SIGNING.metadata(), SloFixtures.metadata(OTHER, SloFixtures.postSlo(OTHER))),
                List.of(SIGNING.policy(), OTHER.policy()));
        // At the real time: the in-memory store expires replay records by it.
        validator = LogoutRequestValidator.standard(registry, InMemoryStorage.create("test"), SloFixtures.LIMITS,
                SloFixtures.signaturePolicy(false), EntityId.of(SloFixtures.IDP), clock);
    }

    private RequestRejected refused(IncomingLogoutRequest incoming, Optional<SsoSession> session) {
        return assertThrows(RequestRejected.class, () -> validator.validate(incoming, session));
    }

    /** Production runs exactly this list (Idp.assemble calls standard); reordering or dropping a rule fails here. */
    @Test
    void standardRulesEstablishTheReplyFirstCheckTheSignatureBeforeTheContentAndThePrincipalLast() {
        assertEquals(List.of("IssuerIsKnownSp", "ReplyGoesToSloFromMetadata", "RelayStateFitsLimit", "VersionIs20",
                "DestinationIsThisEndpoint", "IssueInstantIsFresh", "NotOnOrAfterHasNotPassed", "RequestIdIsNotReplayed",
                "SignaturePresentWhenRequired", "EncryptedIdIsRefused", "NameIdIsTheOneIssued",
                "SessionIndexIsTheOneIssued"), validator.ruleNames());
    }

    @Test
    void validateWhenSignedRequestNamesWhatThisSessionIssuedThenAcceptedWithReplyToTheSpsSlo() throws Exception {
        ValidLogoutRequest valid = validator.validate(post(request(SP).id("_ok").signed()),
                Optional.of(SloFixtures.session()));
        assertEquals(SP.id(), valid.initiator());
        assertEquals(SloFixtures.postSlo(SP).location(), valid.reply().location());
        assertEquals(Optional.of(RequestId.of("_ok")), valid.reply().inResponseTo());
        assertEquals(Optional.of(RelayState.of("rs-1")), valid.reply().relayState());
        assertEquals(SloFixtures.session(), valid.session());
    }

    @Test
    void validateWhenSignedRedirectRequestThenAcceptedWithReplyOverRedirect() throws Exception {
        TestLogoutRequests request = request(SP, SloFixtures.REDIRECT_SLO);
        ValidLogoutRequest valid = validator.validate(SloFixtures.redirect(request.build(), request.querySignature("rs-1")),
                Optional.of(SloFixtures.session()));
        assertEquals(SloFixtures.REDIRECT, valid.reply().binding());
    }

    @Test
    void validateWhenReplayedThenRequestDenied() throws Exception {
        TestLogoutRequests request = request(SP).id("_once");
        validator.validate(post(request.signed()), Optional.of(SloFixtures.session()));
        RequestRejected thrown = refused(post(request.signed()), Optional.of(SloFixtures.session()));
        assertEquals(SamlStatus.REQUESTER_REQUEST_DENIED, thrown.status());
        assertTrue(thrown.reason().contains("replay"), thrown.reason());
    }

    /** The request, signed by hand so the canonicalization can be chosen. */
    private LogoutRequest signedWith(String canonicalization, String id) {
        return TestXml.parse(TestXmlSignatures.by(SP.credential()).canonicalization(canonicalization)
                .sign(TestXml.serialize(request(SP).id(id).build())));
    }

    @Test
    void validateWhenPostRequestSignedByHandWithExclusiveC14nThenAccepted() throws Exception {
        ValidLogoutRequest valid = validator.validate(post(signedWith(
                org.opensaml.xmlsec.signature.support.SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, "_exc")),
                Optional.of(SloFixtures.session()));
        assertEquals(SP.id(), valid.initiator());
    }

    @Test
    void validateWhenPostRequestSignedWithCommentsThenRequestDeniedWithTheReason() {
        RequestRejected thrown = refused(post(signedWith(
                org.opensaml.xmlsec.signature.support.SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS, "_comments")),
                Optional.of(SloFixtures.session()));
        assertEquals(SamlStatus.REQUESTER_REQUEST_DENIED, thrown.status());
        assertTrue(thrown.reason().contains("CanonicalizationMethod http://www.w3.org/2001/10/xml-exc-c14n#WithComments"),
                thrown.reason());
        assertEquals(SloFixtures.postSlo(SP).location(), thrown.replyTo().orElseThrow().location());
    }

    @Test
    void validateWhenForgedByAnotherPartyThenRequestDeniedAndAnsweredOnlyToTheNamedSp() {
        RequestRejected thrown = refused(post(request(SP).signed(
                si.bankart.prehod.testing.TestCredentials.named("attacker"),
                org.opensaml.xmlsec.signature.support.SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                org.opensaml.xmlsec.signature.support.SignatureConstants.ALGO_ID_DIGEST_SHA256)),
                Optional.of(SloFixtures.session()));
        assertEquals(SamlStatus.REQUESTER_REQUEST_DENIED, thrown.status());
        assertEquals(SloFixtures.postSlo(SP).location(), thrown.replyTo().orElseThrow().location());
    }

    @Test
    void validateWhenUnsignedButSpMustSignThenRequestDenied() {
        assertEquals(SamlStatus.REQUESTER_REQUEST_DENIED,
                refused(post(request(SP).received()), Optional.of(SloFixtures.session())).status());
    }

    @Test
    void validateWhenSessionIndexBelongsToAnotherSpThenRequestDenied() {
        String othersIndex = SloFixtures.spSession(OTHER).sessionIndex();
        RequestRejected thrown = refused(post(request(SP)
                .with(r -> r.getSessionIndexes().get(0).setValue(othersIndex)).signed()), Optional.of(SloFixtures.session()));
        assertEquals(SamlStatus.REQUESTER_REQUEST_DENIED, thrown.status());
    }

    @Test
    void validateWhenNameIdIsAnotherUsersThenUnknownPrincipal() {
        RequestRejected thrown = refused(post(request(SP)
                .with(r -> r.getNameID().setValue("nid-bojan")).signed()), Optional.of(SloFixtures.session()));
        assertEquals(SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL, thrown.status());
    }

    @Test
    void validateWhenBrowserHasNoSessionThenUnknownPrincipal() {
        assertEquals(SamlStatus.REQUESTER_UNKNOWN_PRINCIPAL,
                refused(post(request(SP).signed()), Optional.empty()).status());
    }

    @Test
    void validateWhenIssuerIsUnknownThenNothingIsSentAnywhere() {
        RequestRejected thrown = refused(post(request(TestServiceProvider.named("slo-stranger"))
                .received()), Optional.of(SloFixtures.session()));
        assertTrue(thrown.replyTo().isEmpty());
    }
}
