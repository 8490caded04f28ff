package si.bankart.prehod.sp;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import si.bankart.prehod.health.CertificateExpiry;
import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.HealthReport;
import si.bankart.prehod.health.HealthState;

/**
 * The service providers' signing certificates (SpCatalog's own check covers its sources): DOWN when no SP is loaded
 * (nobody could log in), WARN when an SP's signing
 * certificate is expired or runs out within 30 days (that portal's signed requests are at risk, the others are not),
 * else UP with the number of SPs. Reads the SPs each time, so a catalogue that reloads metadata is seen as it is now.
 */
public final class MetadataHealth implements HealthCheck {

    public static final String NAME = "sp-certificates";

    private final Supplier<Collection<RegisteredSp>> serviceProviders;
    private final Clock clock;

    public MetadataHealth(Supplier<Collection<RegisteredSp>> serviceProviders, Clock clock) {
        this.serviceProviders = serviceProviders;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthReport check() {
        Collection<RegisteredSp> sps = serviceProviders.get();
        if (sps.isEmpty()) {
            return HealthReport.down("no service provider metadata is loaded");
        }
        List<String> warnings = new ArrayList<>();
        for (RegisteredSp sp : sps) {
            for (X509Certificate certificate : sp.metadata().signingCertificates()) {
                HealthReport expiry = CertificateExpiry.of("signing certificate", certificate, clock);
                if (expiry.state() != HealthState.UP) {
                    warnings.add(sp.entityId() + ": " + expiry.detail());
                }
            }
        }
        String loaded = sps.size() + " service providers loaded";
        return warnings.isEmpty() ? HealthReport.up(loaded) : HealthReport.warn(loaded + "; " + String.join("; ", warnings));
    }
}
