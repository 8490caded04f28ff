package si.bankart.prehod.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * One GET to the certificate connector over a connection of its own with a full TLS handshake: a new SSLContext per
 * request has an empty client session cache, so nothing can be resumed and the server sees and checks the client
 * certificate every time, as with a browser that has just picked its certificate. HTTP/1.0 so the answer is not
 * chunked and ends with the connection.
 */
final class ConnectorRequest {

    /** {@code cookies}: the name=value part of each Set-Cookie header. */
    record Reply(int status, String body, java.util.List<String> cookies, String location) {
    }

    private ConnectorRequest() {
    }

    /** {@code cookie}: the Cookie header the browser sends (its pending-login binding), or null. */
    static Reply get(URI url, KeyManager[] clientCertificate, TrustManager[] trust, String cookie) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(clientCertificate, trust, null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(url.getHost(), url.getPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(30_000);
            // As browsers do: without it, Nagle holds the request behind the handshake's last flight until the
            // server's delayed ACK (40 ms on Linux), which measured the kernel's timer instead of the IdP.
            socket.setTcpNoDelay(true);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.0\r\nHost: " + url.getHost() + ":"
                    + url.getPort() + "\r\nAccept-Language: sl\r\n" + (cookie == null || cookie.isEmpty() ? "" : "Cookie: " + cookie
                    + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            if (headerEnd < 0 || !text.startsWith("HTTP/")) {
                throw new IOException("no complete HTTP answer from the certificate connector");
            }
            String[] head = text.substring(0, headerEnd).split("\r\n");
            java.util.List<String> cookies = java.util.Arrays.stream(head)
                    .filter(h -> h.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                    .map(h -> h.substring(11).trim().split(";", 2)[0]).toList();
            String location = java.util.Arrays.stream(head).filter(h -> h.regionMatches(true, 0, "Location:", 0, 9))
                    .map(h -> h.substring(9).trim()).findFirst().orElse(null);
            return new Reply(Integer.parseInt(head[0].split(" ")[1]), text.substring(headerEnd + 4), cookies, location);
        }
    }
}
