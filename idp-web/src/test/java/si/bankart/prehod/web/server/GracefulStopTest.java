package si.bankart.prehod.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.MethodDescription;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.LoginMethodEndpoint;
import si.bankart.prehod.web.routes.Route;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;

/** A stop (what SIGTERM runs) closes the connectors first and lets the request in flight finish. */
class GracefulStopTest {

    private static final TestServiceProvider PORTAL = TestServiceProvider.named("portal-stop");

    /** A request that stays in flight until the test lets it go. */
    private static final class HeldRequest implements LoginMethodEndpoint {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public MethodDescription method() {
            return new MethodDescription("held", new LocalizedText("Zadržana", "Held"), LevelOfAssurance.LOW);
        }

        @Override
        public String startPath() {
            return "/idp/login/held";
        }

        @Override
        public List<Route> routes(LoginCompletion completion) {
            return List.of(new Route(startPath(), new HttpServlet() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    response.getWriter().write("finished");
                }
            }));
        }
    }

    @Test
    void stopRefusesNewConnectionsAndFinishesTheRequestInFlight() throws Exception {
        HeldRequest held = new HeldRequest();
        TestIdp idp = TestIdp.start(List.of(PORTAL), TestIdp.policy(PORTAL, ""), "",
                List.of(new TestLoginMethod(Clock.systemUTC()), held));
        int port = idp.baseUri().getPort();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
                () -> idp.browser().get("/idp/login/held"));
        assertTrue(held.entered.await(1, TimeUnit.MINUTES), "the request reached the servlet");

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                idp.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitConnectionsRefused(port);
        held.release.countDown();

        HttpResponse<String> answer = inFlight.get(1, TimeUnit.MINUTES);
        assertEquals(200, answer.statusCode());
        assertEquals("finished", answer.body());
        stopping.get(1, TimeUnit.MINUTES);
    }

    /** Waits (not a timing assertion: only a guard against hanging) until the port no longer accepts. */
    private static void awaitConnectionsRefused(int port) throws InterruptedException {
        Instant guard = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(guard)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("port " + port + " still accepts connections after stop began");
    }
}
