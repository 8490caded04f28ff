package si.bankart.prehod.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Bytes on a real TLS socket, for requests no HTTP client would send (a broken request line, a header over the
 * limit, a body that stops half way). The server's answer is read until it closes or the declared length is in.
 */
public final class RawHttps {

    private final URI base;
    private final SSLContext tls;

    public RawHttps(URI base, Path tlsKeyStore, char[] password) {
        this.base = base;
        this.tls = trusting(tlsKeyStore, password);
    }

    /** The same over {@code tls}, e.g. one that trusts a CA rather than one server certificate. */
    public RawHttps(URI base, SSLContext tls) {
        this.base = base;
        this.tls = tls;
    }

    /** A TLS context that trusts the certificates in this PKCS#12 store (the test IdP's own), and nothing else. */
    public static SSLContext trusting(Path tlsKeyStore, char[] password) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tlsKeyStore)) {
                trust.load(in, password);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            return tls;
        } catch (Exception e) {
            throw new IllegalStateException("TLS client cannot be set up", e);
        }
    }

    /** The status line's code and the body of the answer. */
    public record Answer(int status, String head, String body) {
    }

    /**
     * @param head the request line and headers, without the blank line that ends them (Host and Connection: close
     *             are added)
     */
    public Answer send(String head, byte[] body) {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException answeredBeforeTheRequestWasRead) {
                // The server may refuse (413, 414, 431) and close before it reads what we still send, even while the
                // request line or the headers are on their way: its answer is in.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (IOException closedAfterTheAnswer) {
                // A reset after the answer was sent: what arrived is the answer.
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String responseHead = end < 0 ? text : text.substring(0, end);
            String responseBody = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(responseHead.substring(9, 12));
            return new Answer(status, responseHead, responseBody);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
