package si.bankart.prehod.login.certificate;

import java.security.cert.X509Certificate;
import java.util.Objects;

/** What {@link TrustedProxyHeader} made of a request's client-certificate header. */
public sealed interface ProxyHeaderCertificate
        permits ProxyHeaderCertificate.Presented, ProxyHeaderCertificate.NonePresented, ProxyHeaderCertificate.Ignored,
        ProxyHeaderCertificate.Malformed {

    /** A trusted proxy forwarded this client certificate; verify it like one from the TLS handshake. */
    record Presented(X509Certificate certificate) implements ProxyHeaderCertificate {
        public Presented {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * A trusted proxy forwarded no certificate: the user presented none. The proxy's own TLS connection must not be
     * mistaken for the user's, so the caller treats this as no certificate at all.
     */
    record NonePresented(String reason) implements ProxyHeaderCertificate {
    }

    /**
     * The header does not count (feature off, untrusted sender, or no certificate forwarded); the caller logs
     * {@code reason} and goes on as if no certificate had been presented.
     */
    record Ignored(String reason) implements ProxyHeaderCertificate {
    }

    /** A trusted proxy sent something that is not one certificate; the caller logs {@code reason} and refuses. */
    record Malformed(String reason) implements ProxyHeaderCertificate {
    }
}
