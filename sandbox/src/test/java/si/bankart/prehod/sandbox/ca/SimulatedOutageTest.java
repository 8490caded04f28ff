package si.bankart.prehod.sandbox.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run-time outage switches. Uses its own server and switches (same CA) so flipping them cannot disturb
 * other test classes that validate against the shared server.
 */
class SimulatedOutageTest {

    private static TestSandboxCa sandbox;
    private static SimulatedFaults faults;
    private static RevocationServer server;

    @BeforeAll
    static void startServer() throws Exception {
        sandbox = TestSandboxCa.get();
        faults = new SimulatedFaults();
        server = RevocationServer.start(0, sandbox.ca.revocationHandler(faults));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void ocspDownThenPostAndGetAnswer503AndCrlStillServed() {
        faults.ocspDown(true);
        try {
            assertEquals(503, postOcsp().statusCode());
            assertEquals(503, TestSandboxCa.get(URI.create(server.baseUrl() + "/ocsp/MAA%3D")).statusCode());
            assertEquals(200, TestSandboxCa.get(crlUrl()).statusCode());
        } finally {
            faults.ocspDown(false);
        }
        assertEquals(400, postOcsp().statusCode(), "back up: garbage is malformed again, not unavailable");
    }

    @Test
    void crlDownThenCrlAnswers503AndOcspStillServed() {
        faults.crlDown(true);
        try {
            assertEquals(503, TestSandboxCa.get(crlUrl()).statusCode());
            assertEquals(400, postOcsp().statusCode());
        } finally {
            faults.crlDown(false);
        }
        assertEquals(200, TestSandboxCa.get(crlUrl()).statusCode());
    }

    @Test
    void staleCrlSwitchedOnThenServedCrlHasNextUpdateInThePast() throws Exception {
        faults.staleCrl(true);
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(TestSandboxCa.get(crlUrl()).body()));
            assertTrue(crl.getNextUpdate().toInstant().isBefore(sandbox.clock.instant()));
        } finally {
            faults.staleCrl(false);
        }
    }

    @Test
    void serverWithoutHandlerYetThenAnswers404NotACrash() throws Exception {
        try (RevocationServer empty = RevocationServer.start(0)) {
            assertEquals(404, TestSandboxCa.get(URI.create(empty.baseUrl() + "/crl/sandbox-issuing.crl")).statusCode());
        }
    }

    private static java.net.http.HttpResponse<byte[]> postOcsp() {
        return TestSandboxCa.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ocsp"))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build());
    }

    private static URI crlUrl() {
        return URI.create(server.baseUrl() + "/crl/" + SandboxCa.SANDBOX_ISSUING + ".crl");
    }
}
