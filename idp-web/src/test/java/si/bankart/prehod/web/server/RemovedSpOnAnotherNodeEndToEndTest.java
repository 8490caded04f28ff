package si.bankart.prehod.web.server;

import si.bankart.prehod.config.Paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import si.bankart.prehod.testing.RunningRedis;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.web.testing.Admin;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.NodeSaml;
import si.bankart.prehod.web.testing.TestIdp;

/**
 * The copy of a removed SP that answers logins in progress lives in the shared store, not in one node's memory: a
 * login started on node A before the portal's removal is finished on node B, a node started after the removal that
 * never had the portal in its catalog.
 */
class RemovedSpOnAnotherNodeEndToEndTest {

    private static final TestServiceProvider LEAVING = TestServiceProvider.named("removed-across-nodes");
    private static final TestServiceProvider STAYING = TestServiceProvider.named("stays-across-nodes");

    private static RunningRedis redis;
    private static TestIdp nodeA;
    private static TestIdp nodeB;

    @BeforeAll
    static void start() throws Exception {
        redis = RunningRedis.start();
        nodeA = TestIdp.start(List.of(LEAVING, STAYING), TestIdp.policy(LEAVING, "") + TestIdp.policy(STAYING, ""),
                SharedStoreEndToEndTest.storeConfig("host: 127.0.0.1\n    port: " + redis.port()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
        nodeA.close();
        redis.close();
    }

    @Test
    void aLoginStartedOnOneNodeBeforeTheRemovalFinishesOnANodeStartedAfterIt() throws Exception {
        Browser onA = nodeA.browser();
        TestAuthnRequests started = TestAuthnRequests.valid(LEAVING, nodeA.endpoint(Paths.SSO_REDIRECT));
        // The only method of the portal, so node A goes straight to it: the test method's first visit names the key.
        HttpResponse<String> prompt = onA.follow(onA.get(SharedStoreEndToEndTest.ssoQuery(started)));
        assertTrue(prompt.body().startsWith("test-login key="), prompt.body());
        String key = prompt.body().replace("test-login key=", "").trim();

        Admin.Run remove = Admin.run(nodeA, "metadata", "remove", LEAVING.entityId(), "--yes");
        assertEquals(0, remove.exitCode(), remove.output());
        assertTrue(remove.output().contains(LEAVING.entityId() + ": removed"), remove.output());
        nodeB = nodeA.anotherNode();
        assertTrue(nodeB.server().catalog().find(LEAVING.id()).isEmpty(), "node B never had the portal");

        Browser onB = onA.at(nodeB.baseUri());
        HttpResponse<String> answer = onB.get("/idp/login/test?key=" + key + "&user=u1001&loa=substantial");

        assertEquals(200, answer.statusCode(), answer.body());
        Browser.PostedForm form = Browser.postedForm(answer);
        assertEquals(LEAVING.acsUrl(), form.action());
        JsonNode portal = NodeSaml.check(new NodeSaml.Check(form.samlResponse(), nodeA.signingCertificatePem(),
                LEAVING.entityId(), LEAVING.acsUrl(), started.id(), false, null));
        assertTrue(portal.get("ok").asBoolean(), portal.toString());
        assertEquals(400, onB.get(SharedStoreEndToEndTest.ssoQuery(TestAuthnRequests.valid(LEAVING,
                nodeA.endpoint(Paths.SSO_REDIRECT)))).statusCode(), "a new login for the removed portal is refused");
    }
}
