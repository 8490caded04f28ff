package si.bankart.prehod.login.certificate;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

/**
 * certificate-login.yaml {@code revocation}: how {@link RevocationCheck} finds out whether a certificate is revoked.
 *
 * @param softFail      let a login through when no OCSP response or CRL can be had (reported in the verdict so the
 *                      caller audit-logs it); off by default: a bank refuses what it cannot prove unrevoked
 * @param ocspResponder an OCSP responder used instead of the one in the certificate's authorityInfoAccess
 * @param crlUrls       CRL URLs per issuer (subject DN of the issuing CA, RFC 2253), used instead of the
 *                      certificate's cRLDistributionPoints
 * @param timeout       connect and response timeout of each OCSP or CRL request
 * @param nonce         send an OCSP nonce (RFC 8954) and require the response to echo it; turn off for responders
 *                      that serve pre-signed responses
 * @param clockSkew     tolerated difference between our clock and a responder's or CA's (thisUpdate in the future)
 * @param cacheEntries  bound on the OCSP responses and on the CRLs kept until their nextUpdate
 * @param maxOcspBytes  largest OCSP response read
 * @param maxCrlBytes   largest CRL read
 * @param ocspReuse     how long a definite OCSP answer (before its nextUpdate) is used for further logins without
 *                      asking again; zero (the default) asks the responder at every login, and a revocation then
 *                      takes effect as soon as the responder knows it
 */
public record RevocationConfig(boolean softFail, URI ocspResponder, Map<String, URI> crlUrls, Duration timeout,
                               Boolean nonce, Duration clockSkew, Integer cacheEntries, Integer maxOcspBytes,
                               Integer maxCrlBytes, Duration ocspReuse) {

    public static final RevocationConfig DEFAULTS = new RevocationConfig(false, null, null, null, true, null, 0, 0, 0,
            null);

    private static final int CACHE_ENTRIES = 10_000;
    private static final int MAX_OCSP_BYTES = 64 * 1024;
    private static final int MAX_CRL_BYTES = 16 * 1024 * 1024;

    public RevocationConfig {
        if (ocspResponder != null) {
            requireHttp(ocspResponder, "revocation.ocspResponder");
        }
        Map<String, URI> urls = new LinkedHashMap<>();
        if (crlUrls != null) {
            crlUrls.forEach((issuer, url) -> {
                if (issuer == null || issuer.isBlank()) {
                    throw new IllegalArgumentException("revocation.crlUrls: an issuer DN is empty");
                }
                try {
                    new X500Principal(issuer);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("revocation.crlUrls: '" + issuer + "' is not a DN (RFC 2253, e.g. CN=Issuing CA,O=Bank,C=SI)");
                }
                urls.put(issuer, requireHttp(url, "revocation.crlUrls." + issuer));
            });
        }
        crlUrls = Map.copyOf(urls);
        // Absent means the safe default: nonces on (RFC 8954), limits at their defaults.
        nonce = nonce == null || nonce;
        timeout = positive(timeout, Duration.ofSeconds(5), "revocation.timeout");
        clockSkew = positive(clockSkew, Duration.ofMinutes(2), "revocation.clockSkew");
        cacheEntries = orDefault(cacheEntries, CACHE_ENTRIES, "revocation.cacheEntries");
        maxOcspBytes = orDefault(maxOcspBytes, MAX_OCSP_BYTES, "revocation.maxOcspBytes");
        maxCrlBytes = orDefault(maxCrlBytes, MAX_CRL_BYTES, "revocation.maxCrlBytes");
        ocspReuse = ocspReuse == null ? Duration.ZERO : ocspReuse;
        if (ocspReuse.isNegative() || ocspReuse.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("revocation.ocspReuse must be between PT0S and PT1H, was " + ocspReuse);
        }
    }

    static URI requireHttp(URI url, String key) {
        if (url == null || url.getScheme() == null || url.getHost() == null
                || !Map.of("http", 1, "https", 1).containsKey(url.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(key + " must be an http:// or https:// URL, was " + url);
        }
        return url;
    }

    private static Duration positive(Duration value, Duration fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
        return value;
    }

    private static int orDefault(Integer value, int fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
        return value == 0 ? fallback : value;
    }
}
