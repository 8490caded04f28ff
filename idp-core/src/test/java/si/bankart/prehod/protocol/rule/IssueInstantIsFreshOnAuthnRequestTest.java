package si.bankart.prehod.protocol.rule;

import static si.bankart.prehod.request.rule.RuleCheck.CLOCK;
import static si.bankart.prehod.request.rule.RuleCheck.NOW;
import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertReasonMentions;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.established;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;

class IssueInstantIsFreshOnAuthnRequestTest {

    private static final Duration SKEW = Duration.ofMinutes(2);
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final IssueInstantIsFresh rule = new IssueInstantIsFresh(CLOCK, SKEW, MAX_AGE);

    private static AuthnRequestCheck issuedAt(Instant instant) {
        return established(request().issuedAt(instant).build());
    }

    @Test
    void passesRequestIssuedNow() {
        passes(rule, issuedAt(NOW));
    }

    @Test
    void passesRequestFromTheFutureWithinSkew() {
        passes(rule, issuedAt(NOW.plus(SKEW)));
    }

    @Test
    void passesRequestAsOldAsMaxAgePlusSkew() {
        passes(rule, issuedAt(NOW.minus(MAX_AGE).minus(SKEW)));
    }

    @Test
    void rejectsRequestFromTheFutureBeyondSkewAsRequestDenied() {
        RequestRejected thrown = rejected(rule, issuedAt(NOW.plus(SKEW).plusSeconds(1)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SP.acsUrl());
        assertReasonMentions(thrown, "future");
    }

    @Test
    void rejectsRequestOlderThanMaxAgePlusSkewAsRequestDenied() {
        RequestRejected thrown = rejected(rule, issuedAt(NOW.minus(MAX_AGE).minus(SKEW).minusSeconds(1)));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SP.acsUrl());
        assertReasonMentions(thrown, "older than");
    }

    @Test
    void rejectsMissingIssueInstantAsRequester() {
        RequestRejected thrown = rejected(rule, established(request().with(r -> r.setIssueInstant(null)).build()));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
    }
}
