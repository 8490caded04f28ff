package si.bankart.prehod.request;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestRules;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.config.Limits;
import si.bankart.prehod.request.rule.AcsComesFromMetadata;
import si.bankart.prehod.protocol.rule.DestinationIsThisEndpoint;
import si.bankart.prehod.protocol.rule.IssueInstantIsFresh;
import si.bankart.prehod.protocol.rule.IssuerIsKnownSp;
import si.bankart.prehod.request.rule.NameIdPolicyIsSupported;
import si.bankart.prehod.protocol.rule.RelayStateFitsLimit;
import si.bankart.prehod.protocol.rule.RequestIdIsNotReplayed;
import si.bankart.prehod.request.rule.RequestedAuthnContextIsSatisfiable;
import si.bankart.prehod.protocol.rule.SignaturePresentWhenRequired;
import si.bankart.prehod.request.rule.SubjectIsNotRequested;
import si.bankart.prehod.protocol.rule.VersionIs20;
import si.bankart.prehod.protocol.signature.QuerySignatureVerifier;
import si.bankart.prehod.protocol.signature.SpSignature;
import si.bankart.prehod.protocol.signature.StrictSignatureProfile;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.storage.SeenIds;

/**
 * Runs the AuthnRequest rules in order. The order matters: the SP and its ACS are established first so that later
 * refusals can be answered with a SAML error; the signature is checked before anything inside the request is trusted.
 */
public final class AuthnRequestValidator {

    private final RequestRules<AuthnRequestCheck> rules;

    public AuthnRequestValidator(List<RequestRule<? super AuthnRequestCheck>> rules) {
        this.rules = new RequestRules<>(rules);
    }

    /** The rules' names in the order they run, for the test that pins the production order. */
    public List<String> ruleNames() {
        return rules.names();
    }

    /**
     * The IdP's rules, in the one order production and every test use: who asks and where the answer may go first
     * (so later refusals can be answered), then the RelayState that answer echoes, the signature before any content
     * is trusted, the envelope (version, destination, age, replay), and last what is asked for.
     *
     * @param idpRequiresSignedRequests the IdP's own wantAuthnRequestsSigned
     */
    public static AuthnRequestValidator standard(ServiceProviders sps, StorageService storage, Limits limits,
            boolean idpRequiresSignedRequests, Clock clock) {
        return new AuthnRequestValidator(List.of(
                new IssuerIsKnownSp(sps),
                new AcsComesFromMetadata(),
                new RelayStateFitsLimit(limits.relayStateBytes()),
                new SignaturePresentWhenRequired(new SpSignature(idpRequiresSignedRequests, new QuerySignatureVerifier(),
                        new StrictSignatureProfile())),
                new VersionIs20(),
                new DestinationIsThisEndpoint(),
                new IssueInstantIsFresh(clock, limits.clockSkew(), limits.maxRequestAge()),
                new RequestIdIsNotReplayed(new SeenIds(storage), clock,
                        RequestIdIsNotReplayed.window(limits)),
                new SubjectIsNotRequested(),
                new NameIdPolicyIsSupported(),
                new RequestedAuthnContextIsSatisfiable()));
    }

    public SsoRequest validate(IncomingAuthnRequest incoming) throws RequestRejected {
        AuthnRequestCheck check = new AuthnRequestCheck(incoming);
        rules.check(check);
        return new SsoRequest(check.sp().entityId(), check.acs().location(),
                Optional.of(RequestId.of(check.request().getID())),
                check.echoedRelayState(), Boolean.TRUE.equals(check.request().isForceAuthn()),
                Boolean.TRUE.equals(check.request().isPassive()), check.loaRequirement().acceptable(),
                check.nameIdFormat());
    }
}
