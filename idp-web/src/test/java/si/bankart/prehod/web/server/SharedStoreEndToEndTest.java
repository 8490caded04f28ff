package si.bankart.prehod.web.server;

import si.bankart.prehod.config.Paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.config.SessionConfig;
import si.bankart.prehod.health.HealthState;
import si.bankart.prehod.session.SessionStore;
import si.bankart.prehod.session.SpSession;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RedisConfig;
import si.bankart.prehod.storage.RedisStorageService;
import si.bankart.prehod.testing.RunningRedis;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.IdpNodeProcess;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.NodeSaml;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/**
 * Two IdP nodes of one installation on one real redis-server, a browser going to either (as behind a round-robin
 * front): what one node stored, the other serves.
 */
class SharedStoreEndToEndTest {

    private static final List<TestServiceProvider> PORTALS = IntStream.rangeClosed(1, 6)
            .mapToObj(i -> TestServiceProvider.named("portal-" + i)).toList();
    private static final TestServiceProvider A = PORTALS.get(0);
    private static final TestServiceProvider B = PORTALS.get(1);

    private static RunningRedis redis;
    private static TestIdp nodeA;
    private static TestIdp nodeB;

    @BeforeAll
    static void start() throws Exception {
        redis = RunningRedis.start();
        nodeA = TestIdp.start(PORTALS, PORTALS.stream().map(sp -> TestIdp.policy(sp, "")).collect(Collectors.joining()),
                storeConfig("host: 127.0.0.1\n    port: " + redis.port()));
        nodeB = nodeA.anotherNode();
    }

    @AfterAll
    static void stop() throws Exception {
        nodeB.close();
        nodeA.close();
        redis.close();
    }

    /** conf/idp.yaml's store section for Redis; {@code where} is host and port or sentinels, indented by four. */
    static String storeConfig(String where) {
        return """
                store:
                  type: redis
                  redis:
                    %s
                    keyPrefix: e2e
                    commandTimeout: PT1S
                """.formatted(where);
    }

    static String ssoQuery(TestAuthnRequests request) {
        return Paths.SSO_REDIRECT + "?" + request.redirectQuery(null);
    }

    private static TestAuthnRequests request(TestServiceProvider sp) {
        return TestAuthnRequests.valid(sp, nodeA.endpoint(Paths.SSO_REDIRECT));
    }

    private static JsonNode atPortal(Browser.PostedForm form, TestServiceProvider sp, TestAuthnRequests request) {
        return NodeSaml.check(new NodeSaml.Check(form.samlResponse(), nodeA.signingCertificatePem(), sp.entityId(),
                sp.acsUrl(), request.id(), false, null));
    }

    private static boolean hasSession(Browser browser) {
        return browser.get(ssoQuery(request(A))).statusCode() == 200;
    }

    @Test
    void loginOnOneNodeServesTheOtherWithoutPromptAndLogoutThereEndsItOnBothAndAtEveryPortal() {
        Browser onA = nodeA.browser();
        Browser onB = onA.at(nodeB.baseUri());
        TestAuthnRequests first = request(A);
        Browser.PostedForm firstForm = TestLoginMethod.logIn(onA, onA.get(ssoQuery(first)), "u1001", "substantial");
        assertTrue(atPortal(firstForm, A, first).get("ok").asBoolean());

        TestAuthnRequests second = request(B);
        HttpResponse<String> answer = onB.get(ssoQuery(second));
        assertEquals(200, answer.statusCode(), "no login prompt on the other node: " + answer.body());
        JsonNode atB = atPortal(Browser.postedForm(answer), B, second);
        assertTrue(atB.get("ok").asBoolean(), atB.toString());

        HttpResponse<String> page = onB.get(Paths.LOGOUT);
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        HttpResponse<String> step = onB.post(Paths.LOGOUT, Map.of("token", token.group(1)));
        Set<String> asked = new LinkedHashSet<>();
        Browser next = onA;
        while (step.statusCode() == 302 && step.headers().firstValue("Location").orElseThrow().contains("SAMLRequest=")) {
            String location = step.headers().firstValue("Location").orElseThrow();
            asked.add(PORTALS.stream().filter(p -> location.startsWith(p.sloUrl() + "?")).findFirst().orElseThrow()
                    .entityId());
            // The portal does not answer; the browser goes on at the other node, which finds the logout in the store.
            step = next.get(Paths.LOGOUT);
            next = next == onA ? onB : onA;
        }
        assertEquals(200, step.statusCode(), step.body());
        assertEquals(Set.of(A.entityId(), B.entityId()), asked, "a LogoutRequest to every portal of the session");
        assertFalse(hasSession(onA), "no session left on node A");
        assertFalse(hasSession(onB), "no session left on node B");
    }

    @Test
    void sameAuthnRequestSentToTheOtherNodeIsRefusedAsReplay() {
        TestAuthnRequests request = request(A);
        assertEquals(302, nodeA.browser().get(ssoQuery(request)).statusCode(), "first sight: to the login");

        HttpResponse<String> replayed = nodeB.browser().get(ssoQuery(request));

        assertEquals(200, replayed.statusCode(), replayed.body());
        String response = Browser.postedForm(replayed).xml();
        assertTrue(response.contains("urn:oasis:names:tc:SAML:2.0:status:RequestDenied"), response);
        assertFalse(response.contains("Assertion"), response);
    }

    @Test
    void nodeKilledBetweenRedirectToTheLoginMethodAndItsCallbackLosesNothing() throws Exception {
        // The test login method stands in for Rekono here: its callback carries the pending login's key the same way.
        try (IdpNodeProcess.Started doomed = IdpNodeProcess.start(nodeA)) {
            Browser browser = nodeA.browser().at(doomed.baseUri());
            TestAuthnRequests request = request(A);
            HttpResponse<String> start = browser.get(ssoQuery(request));
            assertEquals(302, start.statusCode(), start.body());
            HttpResponse<String> methodPage = browser.follow(start);
            assertTrue(methodPage.body().startsWith("test-login key="), methodPage.body());
            String key = methodPage.body().replace("test-login key=", "").trim();

            doomed.kill();

            HttpResponse<String> callback = browser.at(nodeB.baseUri())
                    .get(TestLoginMethod.PATH + "?key=" + key + "&user=u1001&loa=substantial");
            assertEquals(200, callback.statusCode(), callback.body());
            JsonNode result = atPortal(Browser.postedForm(callback), A, request);
            assertTrue(result.get("ok").asBoolean(), result.toString());
        }
    }

    @Test
    void portalsServedAtOnceOnTwoNodesAllStayInTheSession() throws Exception {
        Browser onA = nodeA.browser();
        Browser onB = onA.at(nodeB.baseUri());
        TestLoginMethod.logIn(onA, onA.get(ssoQuery(request(A))), "u1001", "substantial");

        List<TestServiceProvider> others = PORTALS.subList(1, PORTALS.size());
        ExecutorService threads = Executors.newFixedThreadPool(others.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            Browser browser = i % 2 == 0 ? onA : onB;
            TestAuthnRequests request = request(others.get(i));
            answers.add(threads.submit((Callable<Integer>) () -> {
                go.await();
                return browser.get(ssoQuery(request)).statusCode();
            }));
        }
        go.countDown();
        for (Future<Integer> answer : answers) {
            assertEquals(200, answer.get());
        }
        threads.shutdown();

        try (RedisStorageService store = RedisStorageService.connect(RedisConfig.single("127.0.0.1", redis.port(), "e2e"),
                new SimpleMeterRegistry())) {
            Set<String> inSession = new SessionStore(store, SessionConfig.DEFAULTS, Clock.systemUTC(),
                    new RandomIds(new SecureRandom())).find(onA.cookie("prehod_sso")).orElseThrow().serviceProviders()
                    .stream().map(sp -> sp.spEntityId().value()).collect(Collectors.toSet());
            assertEquals(PORTALS.stream().map(TestServiceProvider::entityId).collect(Collectors.toSet()), inSession);
        }
    }

    @Test
    void redisRestartedMidRunGivesAClearErrorAndTheIdpRecoversByItself() throws Exception {
        Browser withSession = nodeA.browser();
        TestLoginMethod.logIn(withSession, withSession.get(ssoQuery(request(A))), "u1001", "substantial");

        redis.kill();
        try (LogCapture log = new LogCapture(UnexpectedFailures.class.getName())) {
            HttpResponse<String> page = withSession.at(nodeB.baseUri()).get(ssoQuery(request(B)));
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.body().contains("Prijava trenutno ni mogoča"), page.body());
            assertTrue(page.body().contains("Login is unavailable for a moment"), page.body());
            Matcher incident = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(page.body());
            assertTrue(incident.find(), page.body());
            assertTrue(log.lines().stream().anyMatch(line -> line.contains(incident.group())
                    && line.contains("Redis at 127.0.0.1:" + redis.port())), log.lines().toString());

            HttpResponse<String> fresh = nodeB.browser().get(ssoQuery(request(B)));
            String answer = Browser.postedForm(fresh).xml();
            assertTrue(answer.contains("urn:oasis:names:tc:SAML:2.0:status:Responder"), "the portal is told: " + answer);
            assertEquals(HealthState.DOWN, nodeB.readiness("session-store"));
        } finally {
            redis.launch();
        }

        assertTrue(startsLoginsAgain(nodeB), "new logins start again once Redis is back");
        Browser again = nodeB.browser();
        TestAuthnRequests request = request(B);
        assertTrue(atPortal(TestLoginMethod.logIn(again, again.get(ssoQuery(request)), "u1001", "substantial"), B, request)
                .get("ok").asBoolean());
        assertEquals(HealthState.UP, nodeA.readiness("session-store"));
    }

    /** Asks for a login until one starts (the node reconnects by itself); false if none does. */
    static boolean startsLoginsAgain(TestIdp node) {
        for (int attempt = 0; attempt < 300; attempt++) {
            TestAuthnRequests request = TestAuthnRequests.valid(A, node.endpoint(Paths.SSO_REDIRECT));
            if (node.browser().get(ssoQuery(request)).statusCode() == 302) {
                return true;
            }
            RunningRedis.pause(100);
        }
        return false;
    }
}
