package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.soap.soap11.Body;
import org.opensaml.soap.soap11.Envelope;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

import si.bankart.prehod.logout.TestLogoutResponses;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.xml.OpenSamlRuntime;
import si.bankart.prehod.xml.SamlObjects;

/**
 * Test scope only: an SP's SOAP SingleLogoutService over real TLS (its own localhost certificate, written as PEM for
 * the IdP to trust). It records each LogoutRequest with whether the IdP's signature on it verified, and answers as
 * the test sets it: a signed Success, an unsigned one, something that is not XML, too much, an HTTP error, or nothing
 * in time.
 */
public final class TestSoapLogoutSp implements AutoCloseable {

    public enum Behaviour { ANSWER_SIGNED, ANSWER_UNSIGNED, ANSWER_NOT_XML, ANSWER_TOO_LARGE, HTTP_ERROR, HANG }

    /** A LogoutRequest as the SP received it. */
    public record Received(String nameId, String sessionIndex, boolean signatureValid) {
    }

    private final TestTlsServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Behaviour behaviour = Behaviour.ANSWER_SIGNED;
    private volatile TestServiceProvider sp;
    private volatile X509Certificate idpCertificate;

    public TestSoapLogoutSp(Path folder) throws Exception {
        ParserPool parserPool = OpenSamlRuntime.initialize();
        server = new TestTlsServer(folder, "soap-sp", new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                answer(parserPool, request, response);
            }
        }, "/soap");
    }

    /** The SP this endpoint answers as, and the IdP certificate it checks requests with. */
    public void serve(TestServiceProvider serviceProvider, X509Certificate idp) {
        this.sp = serviceProvider;
        this.idpCertificate = idp;
    }

    public void behave(Behaviour next) {
        this.behaviour = next;
    }

    public String url() {
        return server.url("/soap");
    }

    /** The PEM file of this endpoint's TLS certificate, for logout.soapTrustAnchors. */
    public Path trustAnchor() {
        return server.trustAnchor();
    }

    /** The LogoutRequest received, or null if none arrived. */
    public Received poll() {
        return received.poll();
    }

    private void answer(ParserPool parserPool, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        LogoutRequest logout;
        try (InputStream in = request.getInputStream()) {
            Envelope envelope = (Envelope) XMLObjectSupport.unmarshallFromInputStream(parserPool, in);
            logout = (LogoutRequest) envelope.getBody().getUnknownXMLObjects().get(0);
        } catch (Exception e) {
            response.sendError(400);
            return;
        }
        received.add(new Received(logout.getNameID().getValue(), logout.getSessionIndexes().get(0).getValue(),
                verifies(logout)));
        switch (behaviour) {
            case HTTP_ERROR -> response.sendError(500);
            case HANG -> pause();
            case ANSWER_NOT_XML -> response.getWriter().write("<html>logged out, probably</html");
            case ANSWER_TOO_LARGE -> response.getOutputStream().write(new byte[512 * 1024]);
            default -> {
                TestLogoutResponses answer = TestLogoutResponses.valid(sp, logout.getID()).issuedAt(Instant.now());
                LogoutResponse logoutResponse = behaviour == Behaviour.ANSWER_SIGNED ? answer.signed() : answer.received();
                Envelope envelope = SamlObjects.build(Envelope.DEFAULT_ELEMENT_NAME);
                Body body = SamlObjects.build(Body.DEFAULT_ELEMENT_NAME);
                body.getUnknownXMLObjects().add(logoutResponse);
                envelope.setBody(body);
                response.setContentType("text/xml; charset=utf-8");
                try {
                    response.getOutputStream().write(SerializeSupport.nodeToString(XMLObjectSupport.marshall(envelope))
                            .getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                    response.sendError(500);
                }
            }
        }
    }

    private boolean verifies(LogoutRequest logout) {
        try {
            SignatureValidator.validate(logout.getSignature(), new BasicX509Credential(idpCertificate));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
