package si.bankart.prehod.web.server;

import si.bankart.prehod.config.Paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.health.HealthState;
import si.bankart.prehod.testing.RunningRedis;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/** A Redis master, its replica and one sentinel (Debian's packages); the master dies, logins go on. */
class SentinelFailoverEndToEndTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("portal-1");

    @Test
    void loginsContinueOnThePromotedReplicaAfterTheMasterIsKilled() throws Exception {
        try (RunningRedis master = RunningRedis.start();
                RunningRedis replica = RunningRedis.start(List.of("replicaof 127.0.0.1 " + master.port()));
                RunningRedis sentinel = RunningRedis.sentinelFor(master)) {
            awaitReplicaKnownTo(sentinel, replica);
            try (TestIdp idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""),
                    SharedStoreEndToEndTest.storeConfig("sentinels: [\"127.0.0.1:" + sentinel.port() + "\"]\n"
                            + "    masterName: prehod"))) {
                assertTrue(logsIn(idp), "a login before the failover");

                master.kill();

                assertTrue(SharedStoreEndToEndTest.startsLoginsAgain(idp), "logins start again after the failover");
                assertTrue(logsIn(idp), "a whole login after the failover");
                assertTrue(sentinel.command("SENTINEL", "get-master-addr-by-name", "prehod")
                        .endsWith(Integer.toString(replica.port())), "the replica is the master now");
                assertEquals(HealthState.UP, idp.readiness("session-store"));
            }
        }
    }

    private static boolean logsIn(TestIdp idp) {
        Browser browser = idp.browser();
        TestAuthnRequests request = TestAuthnRequests.valid(PORTAL, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser,
                browser.get(SharedStoreEndToEndTest.ssoQuery(request)), "u1001", "substantial");
        return form.action().equals(PORTAL.acsUrl()) && form.xml().contains("status:Success");
    }

    /** The sentinel learns of replicas from the master's INFO, a second or so after start. */
    private static void awaitReplicaKnownTo(RunningRedis sentinel, RunningRedis replica) {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (sentinel.command("SENTINEL", "replicas", "prehod").contains(Integer.toString(replica.port()))) {
                return;
            }
            RunningRedis.pause(100);
        }
        throw new IllegalStateException("the sentinel never saw the replica");
    }
}
