package si.bankart.prehod.login.certificate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import si.bankart.prehod.health.CertificateExpiry;
import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.HealthReport;
import si.bankart.prehod.health.HealthState;

/**
 * Certificate login's trust: every anchor's validity (WARN under 30 days, DOWN expired), and per issuing CA whether the
 * last revocation check could be decided by OCSP or a current CRL. An undetermined status (responder down, stale CRL)
 * is DOWN under hard-fail, since every login under that CA is then refused, and WARN under soft-fail. It turns back
 * as soon as a check for that CA is decided again.
 */
public final class TrustAnchorHealth implements HealthCheck {

    public static final String NAME = "trust-anchors";

    private final TrustAnchors anchors;
    private final RevocationHistory history;
    private final boolean softFail;
    private final Clock clock;

    public TrustAnchorHealth(TrustAnchors anchors, RevocationHistory history, boolean softFail, Clock clock) {
        this.anchors = anchors;
        this.history = history;
        this.softFail = softFail;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthReport check() {
        HealthState state = HealthState.UP;
        List<String> details = new ArrayList<>();
        for (NamedTrustAnchor anchor : anchors.anchors()) {
            HealthReport expiry = CertificateExpiry.of("trust anchor " + anchor.fileName() + ":", anchor.certificate(), clock);
            state = worse(state, expiry.state());
            if (expiry.state() != HealthState.UP) {
                details.add(expiry.detail());
            }
        }
        for (Map.Entry<String, RevocationHistory.Last> issuer : history.lastByIssuer().entrySet()) {
            RevocationHistory.Last last = issuer.getValue();
            if (last.determined()) {
                details.add("revocation of " + issuer.getKey() + " checked by " + last.detail() + " at " + last.at());
            } else {
                state = worse(state, softFail ? HealthState.WARN : HealthState.DOWN);
                details.add("revocation of " + issuer.getKey() + " undetermined at " + last.at() + ": " + last.detail());
            }
        }
        String summary = anchors.anchors().size() + " trust anchors loaded";
        return new HealthReport(state, details.isEmpty() ? summary : summary + "; " + String.join("; ", details));
    }

    private static HealthState worse(HealthState a, HealthState b) {
        return b.ordinal() > a.ordinal() ? b : a;
    }
}
