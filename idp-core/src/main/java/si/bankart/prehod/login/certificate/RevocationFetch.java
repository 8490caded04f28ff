package si.bankart.prehod.login.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Fetches OCSP responses and CRLs over HTTP (RFC 6960 appendix A, RFC 5280 §4.2.1.13) with a timeout and a size
 * limit, without following redirects. Every failure is a {@link StatusUnavailable}, never a wait without end.
 */
final class RevocationFetch {

    private final HttpClient client;
    private final Duration timeout;

    RevocationFetch(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: OCSP responders and CRL servers need no h2c upgrade, and some mishandle it.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    byte[] get(URI url, int maxBytes) throws StatusUnavailable {
        return send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(), maxBytes);
    }

    /** RFC 6960 A.1: POST with Content-Type application/ocsp-request. */
    byte[] postOcsp(URI url, byte[] request, int maxBytes) throws StatusUnavailable {
        return send(HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), maxBytes);
    }

    private byte[] send(HttpRequest request, int maxBytes) throws StatusUnavailable {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new StatusUnavailable(request.uri() + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new StatusUnavailable(request.uri() + " sent more than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new StatusUnavailable(request.uri() + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusUnavailable(request.uri() + ": interrupted");
        }
    }
}
