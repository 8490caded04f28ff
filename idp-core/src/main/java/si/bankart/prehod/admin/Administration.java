package si.bankart.prehod.admin;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import si.bankart.prehod.keys.KeyDescription;
import si.bankart.prehod.keys.KeyRing;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.SpCatalog;

/**
 * What {@code ./prehod metadata …} and {@code ./prehod keys …} do to a running IdP (through the management connector)
 * or to its files (when it is not running): each answer is the text lines the command prints.
 */
public final class Administration {

    private final SpCatalog catalog;
    private final KeyRing keys;

    public Administration(SpCatalog catalog, KeyRing keys) {
        this.catalog = catalog;
        this.keys = keys;
    }

    /** Entity, source, the source copy's validUntil and the earliest expiry of the entity's keys. */
    public List<String> listMetadata() {
        List<String> lines = new ArrayList<>();
        Map<String, SpCatalog.SourceState> sources = catalog.sources();
        for (RegisteredSp sp : catalog.all().stream().sorted(Comparator.comparing(RegisteredSp::entityId)).toList()) {
            String validUntil = sources.values().stream()
                    .filter(s -> s.entities().stream().anyMatch(e -> e.entityId().equals(sp.entityId())))
                    .findFirst().flatMap(SpCatalog.SourceState::validUntil).map(Instant::toString).orElse("-");
            String keyExpiry = Stream.concat(sp.metadata().signingCertificates().stream(),
                            sp.metadata().encryptionCertificates().stream())
                    .map(X509Certificate::getNotAfter).min(Comparator.naturalOrder())
                    .map(d -> d.toInstant().toString()).orElse("-");
            lines.add(sp.entityId() + "  source=" + sp.metadata().source() + "  validUntil=" + validUntil
                    + "  keysExpire=" + keyExpiry);
        }
        sources.forEach((name, state) -> {
            if (state.failure() != null) {
                lines.add("source " + name + " FAILED: " + state.failure());
            }
        });
        return lines;
    }

    public List<String> reloadMetadata() {
        return catalog.reload();
    }

    public List<String> keysStatus() {
        return keys.status().stream().map(Administration::line).toList();
    }

    public List<String> keysNext(Optional<String> tokenAlias) {
        return List.of(line(keys.next(tokenAlias)), "published in /idp/metadata from now on; let portals fetch it"
                + " (cacheDuration) before `keys activate`");
    }

    public List<String> keysActivate() {
        return List.of(line(keys.activate()), "signing with it from now on; the previous key stays published until"
                + " `keys retire`");
    }

    public List<String> keysRetire() {
        return keys.retire().stream().map(k -> line(k) + "  retired").toList();
    }

    static String line(KeyDescription key) {
        return key.id() + "  " + key.state() + "  sha256=" + key.sha256Fingerprint() + "  notAfter=" + key.notAfter()
                + "  " + key.location();
    }
}
