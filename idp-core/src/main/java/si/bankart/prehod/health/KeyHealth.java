package si.bankart.prehod.health;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;

/**
 * One of our own keys (the SAML signing key, the TLS server key): loaded at start, so what can go wrong while running
 * is its certificate running out. WARN under 30 days left, DOWN when expired.
 */
public final class KeyHealth implements HealthCheck {

    private final String name;
    private final String what;
    private final X509Certificate certificate;
    private final Clock clock;

    public KeyHealth(String name, String what, X509Certificate certificate, Clock clock) {
        this.name = name;
        this.what = what;
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public HealthReport check() {
        return CertificateExpiry.of(what, certificate, clock);
    }
}
