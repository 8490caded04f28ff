package si.bankart.prehod.logout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.sp.SloEndpoint;
import si.bankart.prehod.storage.RandomIds;

import static si.bankart.prehod.xml.SamlObjects.build;

/**
 * Plans single logout for a session and builds the LogoutRequests it sends (SAML core §3.7.1): Issuer us, the NameID
 * and SessionIndex the SP was given, Destination the SP's SingleLogoutService from metadata, NotOnOrAfter so a
 * delayed request cannot end a later session. POST and SOAP requests are signed here; Redirect requests are signed in
 * the query string by the web layer's encoder (SAML bindings §3.4.4.1), which strips any XML signature.
 */
public final class LogoutPlanner {

    private final ServiceProviders registry;
    private final EntityId idpEntityId;
    private final SamlSigner signer;
    private final Clock clock;
    private final RandomIds ids;
    private final Duration requestLifetime;

    public LogoutPlanner(ServiceProviders registry, EntityId idpEntityId, SamlSigner signer, Clock clock,
            RandomIds ids, Duration requestLifetime) {
        this.registry = registry;
        this.idpEntityId = idpEntityId;
        this.signer = signer;
        this.clock = clock;
        this.ids = ids;
        this.requestLifetime = requestLifetime;
    }

    /** @param initiator the SP that asked for logout, or empty when the user started it at the IdP */
    public LogoutPlan plan(SsoSession session, Optional<EntityId> initiator) {
        List<PlannedLogout> front = new ArrayList<>();
        List<PlannedLogout> back = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (SpSession spSession : session.serviceProviders()) {
            if (initiator.isPresent() && initiator.get().equals(spSession.spEntityId())) {
                continue;
            }
            Optional<RegisteredSp> sp = registry.find(spSession.spEntityId());
            Optional<SloEndpoint> browser = sp.flatMap(s -> s.metadata().frontChannelSlo(SAMLConstants.SAML2_REDIRECT_BINDING_URI));
            Optional<SloEndpoint> soap = sp.flatMap(s -> s.metadata().soapSlo());
            if (browser.isPresent()) {
                front.add(planned(spSession, browser.get()));
            } else if (soap.isPresent()) {
                back.add(planned(spSession, soap.get()));
            } else {
                without.add(spSession.spEntityId().value());
            }
        }
        return new LogoutPlan(front, back, without);
    }

    /** The LogoutRequest for one SP, built at the moment it is sent, under the ID its answer must refer to. */
    public LogoutRequest request(SpLogout participant) {
        Instant now = clock.instant();
        LogoutRequest request = build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(participant.requestId());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(now);
        request.setNotOnOrAfter(now.plus(requestLifetime));
        request.setDestination(participant.location());
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(idpEntityId.value());
        issuer.setFormat(NameIDType.ENTITY);
        request.setIssuer(issuer);
        NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(participant.nameId());
        nameId.setFormat(participant.nameIdFormat().uri());
        request.setNameID(nameId);
        SessionIndex index = build(SessionIndex.DEFAULT_ELEMENT_NAME);
        index.setValue(participant.sessionIndex());
        request.getSessionIndexes().add(index);
        if (!SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(participant.binding())) {
            signer.sign(request);
        }
        return request;
    }

    private PlannedLogout planned(SpSession spSession, SloEndpoint endpoint) {
        SpLogout participant = new SpLogout(spSession.spEntityId().value(), endpoint.binding(), endpoint.location(),
                spSession.nameId(), spSession.nameIdFormat(), spSession.sessionIndex(), ids.samlId(), null,
                LogoutResult.PENDING);
        return new PlannedLogout(participant, request(participant));
    }
}
