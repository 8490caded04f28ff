package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Prometheus scraper or a load balancer does: plain HTTP GETs on the management connector. */
public final class ManagementClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ManagementClient(URI base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public HttpResponse<String> get(String path, String authorization) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization).GET());
    }

    /** The value of one sample in a /metrics scrape, e.g. {@code prehod_sso_responses_total{sp="…",status="success"}}. */
    public static Optional<Double> sample(String scrape, String nameAndLabels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels) + " (\\S+)$").matcher(scrape);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
