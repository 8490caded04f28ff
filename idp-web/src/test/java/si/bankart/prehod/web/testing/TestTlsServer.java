package si.bankart.prehod.web.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;

import javax.servlet.http.HttpServlet;

import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import si.bankart.prehod.keys.DevKeyWriter;

/**
 * Test scope only: one servlet over real TLS on 127.0.0.1 and a free port, with its own self-signed localhost
 * certificate written as PEM (for the IdP's trust anchors), as the test parties the IdP calls out to need.
 */
public final class TestTlsServer implements AutoCloseable {

    private static final String PASSWORD = "test-tls-server";

    private final Server jetty;
    private final ServerConnector connector;
    private final Path trustAnchor;

    /** @param name names the key store and PEM files in {@code folder} */
    public TestTlsServer(Path folder, String name, HttpServlet servlet, String path) throws Exception {
        Path keyStore = folder.resolve(name + ".p12");
        new DevKeyWriter(Clock.systemUTC(), new SecureRandom()).tlsKeyStoreIfMissing(keyStore, PASSWORD.toCharArray());
        trustAnchor = folder.resolve(name + ".pem");
        Files.writeString(trustAnchor, Pems.certificate(certificate(keyStore)));
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
        context.addServlet(new ServletHolder(servlet), path);
        jetty.setHandler(context.get());
        jetty.start();
    }

    /** The https URL of a path, with host name localhost (the certificate's name). */
    public String url(String path) {
        return "https://localhost:" + connector.getLocalPort() + path;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The PEM file of this server's TLS certificate. */
    public Path trustAnchor() {
        return trustAnchor;
    }

    private static X509Certificate certificate(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return (X509Certificate) store.getCertificate(store.aliases().nextElement());
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
