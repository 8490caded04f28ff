package si.bankart.prehod.sp.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Fetches one metadata document over https: connect and read timeouts, a size cap counted while reading (a missing
 * or false Content-Length cannot get around it), redirects followed only to the same host over https, at most three.
 */
public final class RemoteFetch {

    private static final int MAX_REDIRECTS = 3;

    private final HttpClient client;
    private final Duration readTimeout;
    private final long maxBytes;

    public RemoteFetch(Duration connectTimeout, Duration readTimeout, long maxBytes, SSLContext tls) {
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
        // Redirects are followed by hand below, where the target host is checked.
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(tls)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public RemoteFetch(MetadataSourceConfig config, SSLContext tls) {
        this(config.connectTimeout(), config.readTimeout(), config.maxBytes(), tls);
    }

    public byte[] get(URI url) throws MetadataRefused {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response = send(current);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                close(response);
                URI next = response.headers().firstValue("Location").map(current::resolve)
                        .orElseThrow(() -> new MetadataRefused(url + " answered " + status + " without a Location"));
                if (!"https".equals(next.getScheme()) || !url.getHost().equalsIgnoreCase(next.getHost())) {
                    throw new MetadataRefused(url + " redirects to another host or scheme (" + next.getScheme() + "://"
                            + next.getHost() + "), which is refused");
                }
                current = next;
                continue;
            }
            if (status != 200) {
                close(response);
                throw new MetadataRefused(current + " answered HTTP " + status);
            }
            return body(current, response);
        }
        throw new MetadataRefused(url + " redirects more than " + MAX_REDIRECTS + " times");
    }

    private HttpResponse<InputStream> send(URI url) throws MetadataRefused {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(readTimeout)
                .header("Accept", "application/samlmetadata+xml, application/xml;q=0.9").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new MetadataRefused(url + " did not answer within " + readTimeout);
        } catch (SSLException e) {
            throw new MetadataRefused(url + ": TLS failed (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw new MetadataRefused(url + " cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataRefused(url + ": interrupted");
        }
    }

    private byte[] body(URI url, HttpResponse<InputStream> response) throws MetadataRefused {
        long limit = maxBytes;
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new MetadataRefused(url + " is larger than maxBytes " + limit);
            }
            return bytes;
        } catch (HttpTimeoutException e) {
            throw new MetadataRefused(url + " did not answer within " + readTimeout);
        } catch (IOException e) {
            throw new MetadataRefused(url + ": reading the answer failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing to keep
        }
    }
}
