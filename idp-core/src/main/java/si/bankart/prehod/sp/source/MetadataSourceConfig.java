package si.bankart.prehod.sp.source;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * One entry of conf/metadata-sources.yaml: exactly one of {@code file}, {@code folder}, {@code url} (a signed
 * EntityDescriptor or EntitiesDescriptor) or {@code mdq} (a metadata query responder's base URL).
 *
 * @param certificate     PEM certificate that must have signed every remote document (required for url and mdq)
 * @param tlsTrustAnchors PEM file of the CAs trusted for the https connection; absent: the JDK's
 * @param minRefresh      never re-read more often, whatever cacheDuration says
 * @param maxRefresh      re-read at least this often; also the interval of local files and folders
 * @param maxBytes        a larger document is refused
 */
public record MetadataSourceConfig(String name, String file, String folder, URI url, URI mdq, String certificate,
        String tlsTrustAnchors, Duration minRefresh, Duration maxRefresh, Long maxBytes, Duration connectTimeout,
        Duration readTimeout) {

    public MetadataSourceConfig {
        if (name == null || !name.matches("[A-Za-z0-9_.\\-]{1,64}")) {
            throw new IllegalArgumentException("every metadata source needs a name of letters, digits, '.', '_', '-'");
        }
        long kinds = Stream.of(file, folder, url, mdq).filter(v -> v != null).count();
        if (kinds != 1) {
            throw new IllegalArgumentException(name + ": give exactly one of file, folder, url, mdq");
        }
        if (remote()) {
            URI location = url != null ? url : mdq;
            if (!"https".equals(location.getScheme()) || location.getHost() == null) {
                throw new IllegalArgumentException(name + ": url and mdq must be https URLs");
            }
            if (certificate == null || certificate.isBlank()) {
                throw new IllegalArgumentException(name + ": certificate (the metadata signer's, PEM) is required");
            }
        }
        minRefresh = minRefresh == null ? Duration.ofMinutes(5) : minRefresh;
        maxRefresh = maxRefresh == null ? Duration.ofHours(6) : maxRefresh;
        if (minRefresh.isNegative() || minRefresh.isZero() || maxRefresh.compareTo(minRefresh) < 0) {
            throw new IllegalArgumentException(name + ": minRefresh must be positive and not longer than maxRefresh");
        }
        maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
        if (maxBytes < 1024) {
            throw new IllegalArgumentException(name + ": maxBytes must be at least 1024");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException(name + ": connectTimeout and readTimeout must be positive");
        }
    }

    public boolean remote() {
        return url != null || mdq != null;
    }

    /** A local folder source, as {@code metadataDir} of idp.yaml has always been. */
    public static MetadataSourceConfig folder(String name, String folder) {
        return new MetadataSourceConfig(name, null, folder, null, null, null, null, null, null, null, null, null);
    }

    public static MetadataSourceConfig url(String name, URI url, String certificate, String tlsTrustAnchors) {
        return new MetadataSourceConfig(name, null, null, url, null, certificate, tlsTrustAnchors, null, null, null, null,
                null);
    }
}
