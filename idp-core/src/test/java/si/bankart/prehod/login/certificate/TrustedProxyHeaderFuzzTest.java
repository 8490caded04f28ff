package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any value of the reverse proxy's certificate header (HTTP field values are Latin-1 octets), from a trusted proxy:
 * a presented certificate, or a refusal with its reason; never an exception out of the certificate login.
 */
class TrustedProxyHeaderFuzzTest {

    private static final TrustedProxyHeader PROXY = new TrustedProxyHeader(
            new ProxyHeaderConfig(true, "X-SSL-Client-Cert", List.of("10.0.0.5")));

    @FuzzTest
    void everyHeaderValueIsACertificateOrAReason(byte[] value) {
        assertNotNull(PROXY.read("10.0.0.5", new String(value, StandardCharsets.ISO_8859_1)));
    }
}
