package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.signature.SpSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.security.x509.BasicX509Credential;

import si.bankart.prehod.config.Limits;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.protocol.signature.QuerySignature;
import si.bankart.prehod.protocol.signature.QuerySignatureVerifier;
import si.bankart.prehod.protocol.signature.StrictSignatureProfile;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.sp.SloEndpoint;
import si.bankart.prehod.sp.SpMetadata;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * Shared test setup for single logout: our SLO endpoints, SPs with SingleLogoutServices in their metadata, a session
 * in which they took part, and the IdP's key.
 */
public final class SloFixtures {

    public static final String IDP = "https://idp.test/idp";
    public static final String REDIRECT_SLO = "https://idp.test/idp/profile/SAML2/Redirect/SLO";
    public static final String POST_SLO = "https://idp.test/idp/profile/SAML2/POST/SLO";
    public static final String REDIRECT = SAMLConstants.SAML2_REDIRECT_BINDING_URI;
    public static final String POST = SAMLConstants.SAML2_POST_BINDING_URI;
    public static final String SOAP = SAMLConstants.SAML2_SOAP11_BINDING_URI;
    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Duration SKEW = Duration.ofMinutes(3);
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    public static final Limits LIMITS = new Limits(null, SKEW, MAX_AGE, 80, null, null);
    public static final BasicX509Credential IDP_KEY = TestCredentials.named("idp");
    /** The SP that asks for logout in most tests. */
    public static final TestServiceProvider SP = TestServiceProvider.named("slo");
    public static final TestServiceProvider OTHER_SP = TestServiceProvider.named("slo-other");

    static {
        OpenSamlRuntime.initialize();
    }

    private SloFixtures() {
    }

    public static SloEndpoint redirectSlo(TestServiceProvider sp) {
        return new SloEndpoint(REDIRECT, sp.entityId() + "/slo/redirect", null);
    }

    public static SloEndpoint postSlo(TestServiceProvider sp) {
        return new SloEndpoint(POST, sp.entityId() + "/slo/post", null);
    }

    public static SloEndpoint soapSlo(TestServiceProvider sp) {
        return new SloEndpoint(SOAP, sp.entityId() + "/slo/soap", null);
    }

    public static SpMetadata metadata(TestServiceProvider sp, SloEndpoint... slo) {
        SpMetadata plain = sp.metadata();
        return new SpMetadata(plain.entityId(), plain.assertionConsumerServices(), plain.signingCertificates(),
                plain.encryptionCertificates(), plain.authnRequestsSigned(), plain.source(), List.of(slo));
    }

    public static RegisteredSp registered(TestServiceProvider sp, SloEndpoint... slo) {
        return new RegisteredSp(metadata(sp, slo), sp.policy());
    }

    public static RegisteredSp registered(TestServiceProvider sp, RelyingPartyPolicy policy, SloEndpoint... slo) {
        return new RegisteredSp(metadata(sp, slo), policy);
    }

    /** {@link #SP} with Redirect and POST SingleLogoutServices. */
    public static RegisteredSp registeredSp() {
        return registered(SP, redirectSlo(SP), postSlo(SP));
    }

    /** What the IdP issued to this SP: SessionIndex {@code _si-<name>}, persistent NameID {@code nid-<name>}. */
    public static SpSession spSession(TestServiceProvider sp) {
        String name = sp.entityId().substring(sp.entityId().lastIndexOf('/') + 1);
        return new SpSession(sp.id(), "_si-" + name, "nid-" + name, NameIdFormat.PERSISTENT);
    }

    public static SsoSession session(SpSession... participants) {
        return new SsoSession("cookie-1", "ana", "test", LevelOfAssurance.SUBSTANTIAL, NOW, NOW,
                NOW.plus(Duration.ofHours(8)), List.of(participants));
    }

    /** Ana's session, in which {@link #SP} and {@link #OTHER_SP} took part. */
    public static SsoSession session() {
        return session(spSession(SP), spSession(OTHER_SP));
    }

    public static SpSignature signaturePolicy(boolean idpRequiresSignedMessages) {
        return new SpSignature(idpRequiresSignedMessages, new QuerySignatureVerifier(), new StrictSignatureProfile());
    }

    public static IncomingLogoutRequest post(LogoutRequest request) {
        return new IncomingLogoutRequest(request, POST, POST_SLO, "rs-1", Optional.empty());
    }

    public static IncomingLogoutRequest redirect(LogoutRequest request, QuerySignature signature) {
        return new IncomingLogoutRequest(request, REDIRECT, REDIRECT_SLO, "rs-1", Optional.ofNullable(signature));
    }
}
