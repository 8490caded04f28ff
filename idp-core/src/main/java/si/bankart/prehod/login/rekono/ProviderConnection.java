package si.bankart.prehod.login.rekono;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

/**
 * The back channel to Rekono: sends a Nimbus {@link HTTPRequest} over TLS that trusts only the configured roots (or
 * the JDK's), and gives up after the connect timeout plus the read timeout for the whole exchange, so a slow or
 * trickling provider cannot hold a request thread. Refuses redirects and answers above {@link #MAX_RESPONSE_BYTES}.
 */
final class ProviderConnection {

    /** Discovery documents, JWKS and token responses are a few KiB; 1 MiB leaves room without inviting abuse. */
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Duration deadline;
    private final MeterRegistry metrics;

    ProviderConnection(SSLContext tls, Duration connectTimeout, Duration readTimeout, MeterRegistry metrics) {
        this.metrics = metrics;
        this.client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.deadline = connectTimeout.plus(readTimeout);
    }

    static ProviderConnection from(RekonoConfig config, Path home, MeterRegistry metrics) {
        return new ProviderConnection(tls(config.trustStore() == null ? null : home.resolve(config.trustStore())),
                config.connectTimeout(), config.readTimeout(), metrics);
    }

    /**
     * Sends one request and times it as {@code prehod_oidc_requests_seconds{endpoint, outcome}}: {@code endpoint} one
     * of discovery, jwks, token, userinfo; {@code outcome} the status class (2xx, 4xx, 5xx) or {@code error} (no answer).
     */
    HTTPResponse send(HTTPRequest request, String endpoint) throws ProviderUnavailable {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            HTTPResponse response = send(request);
            outcome = (response.getStatusCode() / 100) + "xx";
            return response;
        } finally {
            Timer.builder("prehod.oidc.requests").description("Calls to the upstream OpenID provider (Rekono)")
                    .tag("endpoint", endpoint).tag("outcome", outcome).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(30))
                    .register(metrics).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private HTTPResponse send(HTTPRequest request) throws ProviderUnavailable {
        URI uri = request.getURI();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(deadline);
        Map<String, List<String>> headers = request.getHeaderMap();
        headers.forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        String body = request.getBody();
        builder.method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(builder.build(),
                info -> new CappedBody(MAX_RESPONSE_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ProviderUnavailable(uri + " did not answer within " + deadline);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ProviderUnavailable(uri + " failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(uri + " interrupted");
        }
        HTTPResponse converted = new HTTPResponse(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                converted.setHeader(name, values.toArray(String[]::new));
            }
        });
        converted.setBody(new String(response.body(), StandardCharsets.UTF_8));
        return converted;
    }

    /** TLS that trusts the PEM roots in {@code trustStore}, or the JDK's default roots when it is null. */
    static SSLContext tls(Path trustStore) {
        try {
            if (trustStore == null) {
                return SSLContext.getDefault();
            }
            KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
            roots.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(trustStore)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("trustStore " + trustStore + " holds no PEM certificate");
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                roots.setCertificateEntry("root-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(roots);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException("trustStore " + trustStore + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("trustStore " + trustStore + " is not a PEM file of CA certificates: "
                    + e.getMessage(), e);
        }
    }

    /** Collects the body, cancelling the exchange once it grows past the limit. */
    private static final class CappedBody implements BodySubscriber<byte[]> {

        private final BodySubscriber<byte[]> bytes = BodySubscribers.ofByteArray();
        private final long limit;
        private Flow.Subscription subscription;
        private long received;
        private boolean stopped;

        CappedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return bytes.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            bytes.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (stopped) {
                return;
            }
            for (ByteBuffer item : items) {
                received += item.remaining();
            }
            if (received > limit) {
                stopped = true;
                subscription.cancel();
                bytes.onError(new IOException("answer larger than " + limit + " bytes"));
                return;
            }
            bytes.onNext(items);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!stopped) {
                bytes.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!stopped) {
                bytes.onComplete();
            }
        }
    }
}
