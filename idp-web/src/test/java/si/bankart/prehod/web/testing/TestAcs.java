package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** A portal's AssertionConsumerService for browser tests: HTTPS on a free port, keeps what a browser posts to it. */
public final class TestAcs implements AutoCloseable {

    private final Server jetty;
    private final ServerConnector connector;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    public TestAcs(int port, Path tlsKeyStore, String password) throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(tlsKeyStore.toAbsolutePath().toString());
        tls.setKeyStorePassword(password);
        tls.setKeyStoreType("PKCS12");
        jetty = new Server();
        connector = new ServerConnector(jetty, tls);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                received.add(request.getParameter("SAMLResponse"));
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html><body><p id=\"received\">received</p></body></html>");
            }
        }), "/acs");
        jetty.setHandler(context.get());
        jetty.start();
    }

    public static String url(int port) {
        return URI.create("https://localhost:" + port + "/acs").toString();
    }

    /** The SAMLResponse posted, or null if none arrived. */
    public String poll() {
        return received.poll();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
