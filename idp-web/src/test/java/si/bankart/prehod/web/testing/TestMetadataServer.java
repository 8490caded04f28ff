package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;



/**
 * Test scope only: a metadata publisher over real TLS (its own localhost certificate, written as PEM for the IdP's
 * tlsTrustAnchors), answering each path as the test sets it — a document, a redirect or an HTTP error — and recording
 * the paths asked for (so a test can see that an MDQ lookup was, or was not, made).
 */
public final class TestMetadataServer implements AutoCloseable {

    private final TestTlsServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private record Answer(int status, String location, byte[] body) {
    }

    public TestMetadataServer(Path folder) throws Exception {
        server = new TestTlsServer(folder, "metadata-server", new HttpServlet() {
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
        }, "/*");
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
        return server.url(path);
    }

    public int port() {
        return server.port();
    }

    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** The PEM file of this server's TLS certificate, for a source's tlsTrustAnchors. */
    public Path trustAnchor() {
        return server.trustAnchor();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
