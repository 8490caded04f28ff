package si.bankart.prehod.protocol.rule;

import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertReasonMentions;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.established;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.post;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.SeenIds;
import si.bankart.prehod.testing.MutableClock;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.request.rule.RuleCheck;

class RequestIdIsNotReplayedOnAuthnRequestTest {

    private static final TestServiceProvider OTHER_SP = TestServiceProvider.named("rules-other");

    private RequestIdIsNotReplayed rule;

    @BeforeEach
    void seenIdsInMemory() {
        SeenIds seen = new SeenIds(InMemoryStorage.create("test"));
        // The in-memory StorageService expires by the real time, so this clock starts at the real now.
        rule = new RequestIdIsNotReplayed(seen, MutableClock.atRealNow(), Duration.ofMinutes(9));
    }

    @Test
    void passesFirstUseOfAnId() {
        passes(rule, established(request().id("_first").build()));
    }

    @Test
    void rejectsSecondUseOfTheSameIdFromTheSameSpAsRequestDenied() {
        passes(rule, established(request().id("_twice").build()));
        RequestRejected thrown = rejected(rule, established(request().id("_twice").build()));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED, SP.acsUrl());
        assertReasonMentions(thrown, "replay");
    }

    @Test
    void passesSameIdFromAnotherSp() {
        passes(rule, established(request().id("_shared").build()));
        passes(rule, established(OTHER_SP.registered(), post(
                TestAuthnRequests.valid(OTHER_SP, RuleCheck.POST_ENDPOINT).id("_shared").build())));
    }

    @Test
    void rejectsMissingIdAsRequester() {
        RequestRejected thrown = rejected(rule, established(request().with(r -> r.setID(null)).build()));
        assertRejected(thrown, SamlStatus.REQUESTER, SP.acsUrl());
    }
}
