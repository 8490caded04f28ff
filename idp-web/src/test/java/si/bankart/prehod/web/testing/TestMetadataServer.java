package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import si.bankart.prehod.keys.DevKeyWriter;

/**
 * Test scope only: a metadata publisher over real TLS (its own localhost certificate, written as PEM for the IdP's
 * tlsTrustAnchors), answering each path as the test sets it — a document, a redirect or an HTTP error — and recording
 * the paths asked for (so a test can see that an MDQ lookup was, or was not, made).
 */
public final class TestMetadataServer implements AutoCloseable {

    private static final String PASSWORD = "metadata-server-tls";

    private final Server jetty;
    private final ServerConnector connector;
    private final Path trustAnchor;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private record Answer(int status, String location, byte[] body) {
    }

    public TestMetadataServer(Path folder) throws Exception {
        Path keyStore = folder.resolve("metadata-server.p12");
        new DevKeyWriter(Clock.systemUTC(), new SecureRandom()).tlsKeyStoreIfMissing(keyStore, PASSWORD.toCharArray());
        trustAnchor = folder.resolve("metadata-server.pem");
        Files.writeString(trustAnchor, pem(keyStore));
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keyStore.toAbsolutePath().toString());
        tls.setKeyStorePassword(PASSWORD);
        tls.setKeyStoreType("PKCS12");
        jetty = new Server();
        connector = new ServerConnector(jetty, tls);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String path = request.getRequestURI();
                asked.add(path);
                Answer answer = answers.get(path);
                if (answer == null) {
                    response.sendError(404);
                    return;
                }
                response.setStatus(answer.status());
                if (answer.location() != null) {
                    response.setHeader("Location", answer.location());
                }
                response.setContentType("application/samlmetadata+xml");
                response.getOutputStream().write(answer.body());
            }
        }), "/*");
        jetty.setHandler(context.get());
        jetty.start();
    }

    public void serve(String path, byte[] document) {
        answers.put(path, new Answer(200, null, document));
    }

    public void redirect(String path, String location) {
        answers.put(path, new Answer(302, location, new byte[0]));
    }

    public void fail(String path, int status) {
        answers.put(path, new Answer(status, null, new byte[0]));
    }

    /** The https URL of a path, with host name localhost (the certificate's name). */
    public String url(String path) {
        return "https://localhost:" + connector.getLocalPort() + path;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** The PEM file of this server's TLS certificate, for a source's tlsTrustAnchors. */
    public Path trustAnchor() {
        return trustAnchor;
    }

    private static String pem(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(store.aliases().nextElement());
        return Pems.certificate(certificate);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
