package si.bankart.prehod.admin;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.SpCatalog;

/**
 * {@code ./prehod metadata list|reload} on a catalog: the running IdP's (through the management connector) or
 * one loaded from the files when the IdP is not running. Each answer is the lines the command prints.
 */
public final class MetadataAdministration {

    private final SpCatalog catalog;

    public MetadataAdministration(SpCatalog catalog) {
        this.catalog = catalog;
    }

    /** Entity, source, the source copy's validUntil and the earliest expiry of the entity's keys. */
    public List<String> list() {
        List<String> lines = new ArrayList<>();
        Map<String, SpCatalog.SourceState> sources = catalog.sources();
        for (RegisteredSp sp : catalog.all().stream().sorted(Comparator.comparing(sp -> sp.entityId().value())).toList()) {
            String validUntil = sources.values().stream()
                    .filter(s -> s.entities().stream().anyMatch(e -> e.entityId().equals(sp.entityId().value())))
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

    public List<String> reload() {
        return catalog.reload();
    }
}
