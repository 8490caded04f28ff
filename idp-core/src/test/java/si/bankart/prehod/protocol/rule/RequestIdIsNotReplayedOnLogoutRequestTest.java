package si.bankart.prehod.protocol.rule;

import si.bankart.prehod.logout.LogoutRequestCheck;
import si.bankart.prehod.protocol.RequestRule;

import static si.bankart.prehod.logout.SloFixtures.post;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertReasonMentions;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.assertRejectedWithoutReply;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.established;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.fresh;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.passes;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.rejected;
import static si.bankart.prehod.logout.rule.LogoutRuleCheck.request;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.logout.SloFixtures;
import si.bankart.prehod.logout.TestLogoutRequests;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.SeenIds;
import si.bankart.prehod.testing.MutableClock;

class RequestIdIsNotReplayedOnLogoutRequestTest {

    private RequestRule<? super LogoutRequestCheck> rule;

    @BeforeEach
    void seenIdsInMemory() {
        SeenIds seen = new SeenIds(InMemoryStorage.create("test"));
        // The in-memory StorageService expires by the real time, so this clock starts at the real now.
        rule = shared(new RequestIdIsNotReplayed(seen, MutableClock.atRealNow(), Duration.ofMinutes(9)));
    }

    @Test
    void checkWhenIdIsNewThenPasses() {
        passes(rule, established(post(request().id("_first").build())));
    }

    @Test
    void checkWhenIdSeenBeforeFromTheSameSpThenRequestDenied() {
        passes(rule, established(post(request().id("_twice").build())));
        var thrown = rejected(rule, established(post(request().id("_twice").build())));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_DENIED);
        assertReasonMentions(thrown, "replay");
    }

    @Test
    void checkWhenSameIdComesFromAnotherSpThenPasses() {
        passes(rule, established(post(request().id("_shared").build())));
        var other = SloFixtures.registered(SloFixtures.OTHER_SP, SloFixtures.postSlo(SloFixtures.OTHER_SP));
        passes(rule, established(other, post(TestLogoutRequests.valid(SloFixtures.OTHER_SP).id("_shared").build()),
                Optional.of(SloFixtures.session())));
    }

    @Test
    void checkWhenIdIsMissingThenRequester() {
        assertRejected(rejected(rule, established(post(request().with(r -> r.setID(null)).build()))),
                SamlStatus.REQUESTER);
    }

    /** The rule shared with AuthnRequests, as the logout validator runs it. */
    private static RequestRule<? super LogoutRequestCheck> shared(RequestIdIsNotReplayed rule) {
        return rule;
    }
}
