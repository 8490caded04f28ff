package si.bankart.prehod.logout;

import si.bankart.prehod.protocol.RequestId;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.Reply;
import si.bankart.prehod.sp.SloEndpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static si.bankart.prehod.logout.SloFixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviderRegistry;

/** The chain through the browser, step by step: who is next, what each answered, who timed out. */
class LogoutProgressTest {

    private static final Instant DEADLINE = NOW.plus(Duration.ofSeconds(30));

    static SpLogout participant(String name, String binding) {
        return new SpLogout("https://sp.test/" + name, binding, "https://sp.test/" + name + "/slo", "nid-" + name,
                NameIdFormat.PERSISTENT, "_si-" + name, "_req-" + name, null, LogoutResult.PENDING);
    }

    /** Started by SP "a"; "b" and "c" over the browser, "d" over SOAP, "e" without any SLO. */
    static LogoutProgress started() {
        return new LogoutProgress("cookie-1", "ana", "https://sp.test/a", "_from-a", "rs-1", SloFixtures.REDIRECT,
                List.of(participant("b", SloFixtures.REDIRECT), participant("c", SloFixtures.POST),
                        participant("d", SloFixtures.SOAP)), List.of(), null);
    }

    @Test
    void nextIsTheFirstBrowserSpNotYetAsked() {
        LogoutProgress progress = started();
        assertEquals("https://sp.test/b", progress.next().orElseThrow().spEntityId());
        progress = progress.sentTo("https://sp.test/b", DEADLINE);
        assertEquals("https://sp.test/c", progress.next().orElseThrow().spEntityId());
        progress = progress.sentTo("https://sp.test/c", DEADLINE);
        assertEquals(Optional.empty(), progress.next(), "the SOAP SP is not sent through the browser");
    }

    @Test
    void awaitingFindsOnlyAnSpThatWasAskedAndHasNotAnswered() {
        LogoutProgress progress = started();
        assertEquals(Optional.empty(), progress.awaiting("_req-b"), "not sent yet");
        progress = progress.sentTo("https://sp.test/b", DEADLINE);
        assertEquals("https://sp.test/b", progress.awaiting("_req-b").orElseThrow().spEntityId());
        assertEquals(Optional.empty(), progress.awaiting("_req-x"));
        progress = progress.answered("https://sp.test/b", LogoutResult.LOGGED_OUT);
        assertEquals(Optional.empty(), progress.awaiting("_req-b"), "an answer is taken once");
    }

    @Test
    void finishedWhenEverySpAnsweredAndSuccessOnlyIfAllLoggedOut() {
        LogoutProgress progress = started()
                .answered("https://sp.test/b", LogoutResult.LOGGED_OUT)
                .answered("https://sp.test/c", LogoutResult.LOGGED_OUT);
        assertFalse(progress.finished(), "the SOAP SP is still pending");
        progress = progress.answered("https://sp.test/d", LogoutResult.LOGGED_OUT);
        assertTrue(progress.finished());
        assertFalse(progress.partial());
    }

    @Test
    void partialWhenAnySpFailed() {
        LogoutProgress progress = started()
                .answered("https://sp.test/b", LogoutResult.LOGGED_OUT)
                .answered("https://sp.test/c", LogoutResult.FAILED)
                .answered("https://sp.test/d", LogoutResult.LOGGED_OUT);
        assertTrue(progress.finished());
        assertTrue(progress.partial());
    }

    @Test
    void partialWhenAnSpHadNoSloToBeToldWith() {
        LogoutProgress progress = new LogoutProgress("cookie-1", "ana", null, null, null, null, List.of(),
                List.of("https://sp.test/e"), null);
        assertTrue(progress.finished());
        assertTrue(progress.partial());
        assertFalse(progress.startedBySp());
    }

    @Test
    void browserReturnedGivesUpOnSpsAskedAndSilentOnly() {
        LogoutProgress progress = started().sentTo("https://sp.test/b", DEADLINE);
        LogoutProgress back = progress.browserReturned();
        assertEquals(LogoutResult.TIMED_OUT, back.participants().get(0).result());
        assertEquals(LogoutResult.PENDING, back.participants().get(1).result(), "not asked yet");
        assertEquals(LogoutResult.PENDING, back.participants().get(2).result(), "SOAP is not waited for in the browser");
        assertEquals(Optional.empty(), back.awaiting("_req-b"), "a late answer is not taken any more");
    }

    @Test
    void answeredForAnSpNotInTheChainIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> started().answered("https://sp.test/stranger", LogoutResult.LOGGED_OUT));
    }

    @Test
    void startFromAValidRequestRemembersWhomToAnswer() {
        Reply<SloEndpoint> reply = new Reply<>(SloFixtures.registeredSp(), SloFixtures.postSlo(SloFixtures.SP),
                Optional.of(RequestId.of("_from-sp")), Optional.of(RelayState.of("rs-9")));
        LogoutPlan plan = new LogoutPlan(List.of(), List.of(), List.of("https://sp.test/e"));
        LogoutProgress progress = LogoutProgress.start(new ValidLogoutRequest(reply, SloFixtures.session()), plan);
        assertEquals(SloFixtures.SP.entityId(), progress.initiatorEntityId());
        assertEquals("_from-sp", progress.initiatorRequestId());
        assertEquals("rs-9", progress.initiatorRelayState());
        assertEquals(SloFixtures.POST, progress.initiatorBinding());
        assertEquals("cookie-1", progress.sessionId());
        assertEquals(List.of("https://sp.test/e"), progress.withoutSlo());
    }

    @Test
    void initiatorReplyIsRebuiltFromTheRegistryOverTheBindingTheRequestCameOn() {
        RegisteredSp sp = SloFixtures.registeredSp();
        ServiceProviderRegistry registry = new ServiceProviderRegistry(List.of(sp.metadata()), List.of(sp.policy()));
        LogoutProgress progress = new LogoutProgress("cookie-1", "ana", SloFixtures.SP.entityId(), "_from-sp", "rs-9",
                SloFixtures.REDIRECT, List.of(), List.of(), null);
        Reply<SloEndpoint> reply = progress.initiatorReply(registry).orElseThrow();
        assertEquals(SloFixtures.redirectSlo(SloFixtures.SP).location(), reply.location());
        assertEquals(Optional.of(RequestId.of("_from-sp")), reply.inResponseTo());
        assertEquals(Optional.of(RelayState.of("rs-9")), reply.relayState());
    }

    @Test
    void initiatorReplyIsEmptyWhenLogoutStartedAtTheIdpOrTheSpIsGone() {
        ServiceProviderRegistry empty = new ServiceProviderRegistry(List.of(), List.of());
        assertEquals(Optional.empty(), started().initiatorReply(empty));
        LogoutProgress atIdp = LogoutProgress.startAtIdp(SloFixtures.session(), new LogoutPlan(List.of(), List.of(), List.of()));
        assertEquals(Optional.empty(), atIdp.initiatorReply(empty));
    }
}
