package si.bankart.prehod.login.certificate;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a client certificate forwarded in a header by a TLS-terminating reverse proxy counts. It counts only
 * when the feature is on and the request's TCP peer address is a configured proxy: anybody else can write any header,
 * so from them it is ignored (and the caller logs that). The peer address is the connection's, never a
 * X-Forwarded-For value.
 * <p>
 * Accepts the forms proxies send: nginx's {@code $ssl_client_escaped_cert} (URL-encoded PEM), PEM with its line
 * breaks folded into spaces (Apache, HAProxy), or bare base64 DER. Refuses as {@link ProxyHeaderCertificate.Malformed}
 * anything over {@link #MAX_HEADER_CHARS}, anything that is not exactly one X.509 certificate.
 */
public final class TrustedProxyHeader {

    /** A client certificate with a long chain of extensions is a few KiB; this leaves room and stops abuse. */
    public static final int MAX_HEADER_CHARS = 16 * 1024;

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private final ProxyHeaderConfig config;
    private final List<AddressRange> proxies;

    public TrustedProxyHeader(ProxyHeaderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.proxies = config.ranges();
    }

    /** The header the web layer reads, e.g. {@code X-SSL-Client-Cert}. */
    public String headerName() {
        return config.header();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * @param remoteAddress the TCP peer's address literal (e.g. {@code ServletRequest#getRemoteAddr()})
     * @param headerValue   the value of {@link #headerName()}, or null when absent
     */
    public ProxyHeaderCertificate read(String remoteAddress, String headerValue) {
        if (!config.enabled()) {
            return headerValue == null ? new ProxyHeaderCertificate.Ignored("proxy header is disabled")
                    : new ProxyHeaderCertificate.Ignored("header " + config.header() + " from " + remoteAddress
                    + " ignored: proxyHeader.enabled is false");
        }
        Optional<byte[]> peer = AddressRange.literal(remoteAddress);
        if (peer.isEmpty() || proxies.stream().noneMatch(range -> range.contains(peer.get()))) {
            return new ProxyHeaderCertificate.Ignored("header " + config.header() + " from " + remoteAddress
                    + " ignored: not a trusted proxy " + config.trustedProxies());
        }
        if (headerValue == null || headerValue.isBlank() || headerValue.trim().equals("(null)")) {
            return new ProxyHeaderCertificate.NonePresented("trusted proxy " + remoteAddress + " forwarded no certificate");
        }
        if (headerValue.length() > MAX_HEADER_CHARS) {
            return new ProxyHeaderCertificate.Malformed("header " + config.header() + " has " + headerValue.length()
                    + " characters, more than " + MAX_HEADER_CHARS);
        }
        return parse(headerValue.trim());
    }

    private ProxyHeaderCertificate parse(String value) {
        String text = value;
        if (text.contains("%")) {
            try {
                text = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.US_ASCII);
            } catch (IllegalArgumentException e) {
                return new ProxyHeaderCertificate.Malformed("header " + config.header() + " has bad URL encoding");
            }
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin >= 0 || end >= 0) {
            // The END marker must follow the whole BEGIN marker: "-----BEGIN CERTIFICATE-----END CERTIFICATE-----"
            // has its END inside the BEGIN's dashes.
            if (begin < 0 || end < begin + BEGIN.length() || text.indexOf(BEGIN, begin + 1) >= 0) {
                return new ProxyHeaderCertificate.Malformed("header " + config.header() + " is not one PEM certificate");
            }
            text = text.substring(begin + BEGIN.length(), end);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return new ProxyHeaderCertificate.Malformed("header " + config.header() + " is not base64");
        }
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(der));
            if (certificates.size() != 1) {
                return new ProxyHeaderCertificate.Malformed("header " + config.header() + " holds "
                        + certificates.size() + " certificates, not one");
            }
            return new ProxyHeaderCertificate.Presented((X509Certificate) certificates.iterator().next());
        } catch (CertificateException | RuntimeException e) {
            return new ProxyHeaderCertificate.Malformed("header " + config.header() + " is not an X.509 certificate");
        }
    }
}
