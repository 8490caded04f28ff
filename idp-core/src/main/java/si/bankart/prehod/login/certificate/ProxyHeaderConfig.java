package si.bankart.prehod.login.certificate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * certificate-login.yaml {@code proxyHeader}: reading the client certificate from a header set by a TLS-terminating
 * reverse proxy ({@link TrustedProxyHeader}). Off by default.
 *
 * @param header         e.g. {@code X-SSL-Client-Cert}, filled by nginx with {@code $ssl_client_escaped_cert}
 * @param trustedProxies addresses or CIDR ranges of the proxies, e.g. {@code 10.0.0.5} or {@code 10.0.0.0/24};
 *                       literal addresses only, never host names (no DNS lookup decides who is trusted)
 */
public record ProxyHeaderConfig(boolean enabled, String header, List<String> trustedProxies) {

    // RFC 9110 §5.1: a field name is a token.
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public static final ProxyHeaderConfig DISABLED = new ProxyHeaderConfig(false, null, null);

    public ProxyHeaderConfig {
        header = header == null || header.isBlank() ? "X-SSL-Client-Cert" : header.trim();
        if (!TOKEN.matcher(header).matches()) {
            throw new IllegalArgumentException("proxyHeader.header '" + header + "' is not a valid HTTP header name");
        }
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        for (String proxy : trustedProxies) {
            AddressRange.parse(proxy, "proxyHeader.trustedProxies");
        }
        if (enabled && trustedProxies.isEmpty()) {
            throw new IllegalArgumentException(
                    "proxyHeader.trustedProxies must list the proxy addresses when proxyHeader.enabled is true");
        }
    }

    List<AddressRange> ranges() {
        return trustedProxies.stream().map(proxy -> AddressRange.parse(proxy, "proxyHeader.trustedProxies")).toList();
    }
}
