package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.protocol.RequestRule;
import si.bankart.prehod.protocol.RequestRules;
import si.bankart.prehod.protocol.signature.SpSignature;
import si.bankart.prehod.sp.SloEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.config.Limits;
import si.bankart.prehod.logout.rule.EncryptedIdIsRefused;
import si.bankart.prehod.logout.rule.NameIdIsTheOneIssued;
import si.bankart.prehod.logout.rule.NotOnOrAfterHasNotPassed;
import si.bankart.prehod.logout.rule.ReplyGoesToSloFromMetadata;
import si.bankart.prehod.logout.rule.SessionIndexIsTheOneIssued;
import si.bankart.prehod.protocol.rule.SignaturePresentWhenRequired;
import si.bankart.prehod.protocol.rule.DestinationIsThisEndpoint;
import si.bankart.prehod.protocol.rule.IssueInstantIsFresh;
import si.bankart.prehod.protocol.rule.IssuerIsKnownSp;
import si.bankart.prehod.protocol.rule.RelayStateFitsLimit;
import si.bankart.prehod.protocol.rule.RequestIdIsNotReplayed;
import si.bankart.prehod.protocol.rule.VersionIs20;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.storage.SeenIds;

/**
 * Runs the LogoutRequest rules in order: the SP and its SingleLogoutService first, so later refusals can be answered
 * with a LogoutResponse; the signature before anything inside the request is trusted; the principal last.
 */
public final class LogoutRequestValidator {

    private final RequestRules<LogoutRequestCheck> rules;

    public LogoutRequestValidator(List<RequestRule<? super LogoutRequestCheck>> rules) {
        this.rules = new RequestRules<>(rules);
    }

    /** The rules' names in the order they run, for the test that pins the production order. */
    public List<String> ruleNames() {
        return rules.names();
    }

    /**
     * The IdP's rules, in the one order production and every test use: the AuthnRequest rules' order (the SP and its
     * SingleLogoutService first, the signature before the content), the principal last.
     */
    public static LogoutRequestValidator standard(ServiceProviders sps, StorageService storage, Limits limits,
            SpSignature signatures, EntityId idpEntityId, Clock clock) {
        return new LogoutRequestValidator(List.of(
                new IssuerIsKnownSp(sps),
                new ReplyGoesToSloFromMetadata(),
                new RelayStateFitsLimit(limits.relayStateBytes()),
                new VersionIs20(),
                new DestinationIsThisEndpoint(),
                new IssueInstantIsFresh(clock, limits.clockSkew(), limits.maxRequestAge()),
                new NotOnOrAfterHasNotPassed(clock, limits.clockSkew()),
                new RequestIdIsNotReplayed(new SeenIds(storage), clock,
                        RequestIdIsNotReplayed.window(limits)),
                new SignaturePresentWhenRequired(signatures),
                new EncryptedIdIsRefused(),
                new NameIdIsTheOneIssued(idpEntityId),
                new SessionIndexIsTheOneIssued()));
    }

    /** @param session the SSO session of the browser the request came with, if it still has one */
    public ValidLogoutRequest validate(IncomingLogoutRequest incoming, Optional<SsoSession> session)
            throws RequestRejected {
        LogoutRequestCheck check = new LogoutRequestCheck(incoming, session);
        rules.check(check);
        Reply<SloEndpoint> reply = check.reply().orElseThrow(
                () -> new IllegalStateException("the rules did not establish the SP's SingleLogoutService"));
        SsoSession established = session.orElseThrow(
                () -> new IllegalStateException("the rules did not check the session"));
        check.spSession();
        return new ValidLogoutRequest(reply, established);
    }
}
