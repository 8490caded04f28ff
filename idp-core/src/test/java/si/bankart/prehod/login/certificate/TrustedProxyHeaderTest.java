package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.web.testing.Pems;

class TrustedProxyHeaderTest {

    private static final X509Certificate CERTIFICATE = TestCertificates.leaf().build();
    private static final TrustedProxyHeader PROXY = new TrustedProxyHeader(
            new ProxyHeaderConfig(true, "X-SSL-Client-Cert", List.of("10.0.0.5", "192.168.10.0/24", "fd00::/8")));

    /** nginx $ssl_client_escaped_cert: the PEM, URL-encoded. */
    private static String nginx(X509Certificate certificate) throws Exception {
        return URLEncoder.encode(Pems.certificate(certificate), StandardCharsets.US_ASCII).replace("+", "%20");
    }

    private static X509Certificate assertPresented(ProxyHeaderCertificate result) {
        return assertInstanceOf(ProxyHeaderCertificate.Presented.class, result, result::toString).certificate();
    }

    @Test
    void readWhenTrustedProxySendsNginxEscapedPemThenCertificate() throws Exception {
        assertEquals(CERTIFICATE, assertPresented(PROXY.read("10.0.0.5", nginx(CERTIFICATE))));
    }

    @Test
    void readWhenProxyInCidrRangeThenCertificate() throws Exception {
        assertEquals(CERTIFICATE, assertPresented(PROXY.read("192.168.10.77", nginx(CERTIFICATE))));
        assertEquals(CERTIFICATE, assertPresented(PROXY.read("fd12:3456::1", nginx(CERTIFICATE))));
    }

    @Test
    void readWhenPemWithLineBreaksFoldedIntoSpacesThenCertificate() throws Exception {
        assertEquals(CERTIFICATE, assertPresented(PROXY.read("10.0.0.5", Pems.certificate(CERTIFICATE).replace('\n', ' '))));
    }

    @Test
    void readWhenBareBase64DerThenCertificate() throws Exception {
        assertEquals(CERTIFICATE, assertPresented(PROXY.read("10.0.0.5",
                Base64.getEncoder().encodeToString(CERTIFICATE.getEncoded()))));
    }

    @Test
    void readWhenOtherAddressSendsHeaderThenIgnoredWithReason() throws Exception {
        ProxyHeaderCertificate result = PROXY.read("10.0.0.6", nginx(CERTIFICATE));
        String reason = assertInstanceOf(ProxyHeaderCertificate.Ignored.class, result).reason();
        assertTrue(reason.contains("10.0.0.6") && reason.contains("not a trusted proxy"), reason);
        assertInstanceOf(ProxyHeaderCertificate.Ignored.class, PROXY.read("192.168.11.1", nginx(CERTIFICATE)));
    }

    @Test
    void readWhenRemoteAddressIsAHostNameThenIgnoredWithoutDnsLookup() throws Exception {
        assertInstanceOf(ProxyHeaderCertificate.Ignored.class, PROXY.read("proxy.example.si", nginx(CERTIFICATE)));
    }

    @Test
    void readWhenDisabledThenIgnoredEvenFromTheProxyAddress() throws Exception {
        TrustedProxyHeader off = new TrustedProxyHeader(new ProxyHeaderConfig(false, null, List.of("10.0.0.5")));
        assertInstanceOf(ProxyHeaderCertificate.Ignored.class, off.read("10.0.0.5", nginx(CERTIFICATE)));
    }

    @Test
    void readWhenTrustedProxySendsNoCertificateThenNonePresented() {
        assertInstanceOf(ProxyHeaderCertificate.NonePresented.class, PROXY.read("10.0.0.5", null));
        assertInstanceOf(ProxyHeaderCertificate.NonePresented.class, PROXY.read("10.0.0.5", ""));
    }

    @Test
    void readWhenGarbageThenMalformed() {
        assertInstanceOf(ProxyHeaderCertificate.Malformed.class, PROXY.read("10.0.0.5", "not a certificate!"));
        assertInstanceOf(ProxyHeaderCertificate.Malformed.class, PROXY.read("10.0.0.5",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
        assertInstanceOf(ProxyHeaderCertificate.Malformed.class, PROXY.read("10.0.0.5", "%ZZ"));
    }

    @Test
    void readWhenTheEndMarkerOverlapsTheBeginMarkerThenMalformed() {
        // Found by TrustedProxyHeaderFuzzTest: this threw StringIndexOutOfBoundsException.
        assertInstanceOf(ProxyHeaderCertificate.Malformed.class, PROXY.read("10.0.0.5",
                "-----BEGIN CERTIFICATE-----END CERTIFICATE-----"));
    }

    @Test
    void readWhenTwoCertificatesThenMalformed() throws Exception {
        assertInstanceOf(ProxyHeaderCertificate.Malformed.class, PROXY.read("10.0.0.5",
                Pems.certificate(CERTIFICATE) + Pems.certificate(TestCertificates.issuing().certificate())));
    }

    @Test
    void readWhenLongerThanLimitThenMalformed() {
        String huge = "A".repeat(TrustedProxyHeader.MAX_HEADER_CHARS + 1);
        String reason = assertInstanceOf(ProxyHeaderCertificate.Malformed.class, PROXY.read("10.0.0.5", huge)).reason();
        assertTrue(reason.contains("16385 characters, more than 16384"), reason);
    }
}
