package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static si.bankart.prehod.logout.SloFixtures.IDP;
import static si.bankart.prehod.logout.SloFixtures.IDP_KEY;
import static si.bankart.prehod.logout.SloFixtures.NOW;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.testing.FixedIds;
import si.bankart.prehod.testing.GoldenFiles;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.testing.TestXml;

/**
 * A session with four SPs: the initiator and a portal with browser SLO, one with only a SOAP SingleLogoutService and
 * one without any.
 */
class LogoutPlannerTest {

    private static final TestServiceProvider INITIATOR = SloFixtures.SP;
    private static final TestServiceProvider BROWSER = TestServiceProvider.named("slo-browser");
    private static final TestServiceProvider SOAP_ONLY = TestServiceProvider.named("slo-soap");
    private static final TestServiceProvider NO_SLO = TestServiceProvider.named("slo-none");
    private static final Duration LIFETIME = Duration.ofMinutes(2);

    private static final List<RegisteredSp> SPS = List.of(
            SloFixtures.registeredSp(),
            SloFixtures.registered(BROWSER, SloFixtures.postSlo(BROWSER)),
            SloFixtures.registered(SOAP_ONLY, SloFixtures.soapSlo(SOAP_ONLY)),
            SloFixtures.registered(NO_SLO));
    private static final SsoSession SESSION = SloFixtures.session(SloFixtures.spSession(NO_SLO),
            SloFixtures.spSession(INITIATOR), SloFixtures.spSession(SOAP_ONLY), SloFixtures.spSession(BROWSER));

    private final LogoutPlanner planner = new LogoutPlanner(
            new ServiceProviderRegistry(SPS.stream().map(RegisteredSp::metadata).toList(),
                    SPS.stream().map(RegisteredSp::policy).toList()),
            EntityId.of(IDP), new SamlSigner(IDP_KEY), SloFixtures.CLOCK, new FixedIds(), LIFETIME);

    private static List<String> entityIds(List<PlannedLogout> planned) {
        return planned.stream().map(p -> p.participant().spEntityId()).toList();
    }

    @Test
    void planWhenAnSpInitiatedThenEveryOtherSpIsListedByHowItCanBeReached() {
        LogoutPlan plan = planner.plan(SESSION, Optional.of(INITIATOR.id()));
        assertEquals(List.of(BROWSER.entityId()), entityIds(plan.frontChannel()));
        assertEquals(List.of(SOAP_ONLY.entityId()), entityIds(plan.backChannel()));
        assertEquals(List.of(NO_SLO.entityId()), plan.withoutSlo());
    }

    @Test
    void planWhenStartedAtTheIdpThenTheInitiatorsPortalIsLoggedOutToo() {
        LogoutPlan plan = planner.plan(SESSION, Optional.empty());
        assertEquals(List.of(INITIATOR.entityId(), BROWSER.entityId()), entityIds(plan.frontChannel()));
        assertEquals(SloFixtures.REDIRECT, plan.frontChannel().get(0).participant().binding());
    }

    @Test
    void planWhenSpLeftTheRegistryThenItCountsAsWithoutSlo() {
        SsoSession withGone = SESSION.with(SloFixtures.spSession(TestServiceProvider.named("slo-gone")));
        assertEquals(List.of(NO_SLO.entityId(), "https://sp.test/slo-gone"),
                planner.plan(withGone, Optional.of(INITIATOR.id())).withoutSlo());
    }

    @Test
    void requestNamesWhatTheSpWasGivenAndGoesToItsSloFromMetadata() {
        PlannedLogout planned = planner.plan(SESSION, Optional.of(INITIATOR.id())).frontChannel().get(0);
        LogoutRequest request = TestXml.roundTrip(planned.request());
        assertEquals(planned.participant().requestId(), request.getID());
        assertEquals(SloFixtures.postSlo(BROWSER).location(), request.getDestination());
        assertEquals(IDP, request.getIssuer().getValue());
        assertEquals(NameIDType.ENTITY, request.getIssuer().getFormat());
        assertEquals("nid-slo-browser", request.getNameID().getValue());
        assertEquals(NameIdFormat.PERSISTENT.uri(), request.getNameID().getFormat());
        assertEquals(List.of("_si-slo-browser"), request.getSessionIndexes().stream().map(s -> s.getValue()).toList());
        assertEquals(NOW, request.getIssueInstant());
        assertEquals(NOW.plus(LIFETIME), request.getNotOnOrAfter());
    }

    @Test
    void requestOverPostIsSignedWithTheIdpKey() throws Exception {
        LogoutRequest request = TestXml.roundTrip(
                planner.plan(SESSION, Optional.of(INITIATOR.id())).frontChannel().get(0).request());
        assertNotNull(request.getSignature());
        new SAMLSignatureProfileValidator().validate(request.getSignature());
        SignatureValidator.validate(request.getSignature(), new BasicX509Credential(IDP_KEY.getEntityCertificate()));
    }

    @Test
    void signedRequestMatchesTheGoldenFile() {
        LogoutPlanner withFixedKey = new LogoutPlanner(
                new ServiceProviderRegistry(SPS.stream().map(RegisteredSp::metadata).toList(),
                        SPS.stream().map(RegisteredSp::policy).toList()),
                EntityId.of(IDP), new SamlSigner(GoldenFiles.SIGNING_KEY), SloFixtures.CLOCK, new FixedIds(), LIFETIME);
        GoldenFiles.assertMatchesGolden(LogoutPlannerTest.class, "signedOverPost", GoldenFiles.xml(
                withFixedKey.plan(SESSION, Optional.of(INITIATOR.id())).frontChannel().get(0).request()));
    }

    @Test
    void requestOverRedirectIsLeftForTheEncoderToSignInTheQuery() {
        PlannedLogout planned = planner.plan(SESSION, Optional.empty()).frontChannel().get(0);
        assertEquals(SloFixtures.REDIRECT, planned.participant().binding());
        assertNull(planned.request().getSignature());
    }

    @Test
    void participantsStartPendingWithoutDeadline() {
        LogoutPlan plan = planner.plan(SESSION, Optional.empty());
        plan.frontChannel().forEach(p -> {
            assertEquals(LogoutResult.PENDING, p.participant().result());
            assertNull(p.participant().deadline());
        });
    }

    @Test
    void requestRebuiltForALaterStepKeepsItsIdAndGetsAFreshLifetime() {
        SpLogout participant = planner.plan(SESSION, Optional.empty()).frontChannel().get(1).participant();
        LogoutRequest later = planner.request(participant);
        assertEquals(participant.requestId(), later.getID());
        assertEquals(NOW.plus(LIFETIME), later.getNotOnOrAfter());
    }
}
