package si.bankart.prehod.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.sp.SpCatalog;
import si.bankart.prehod.sp.SpMetadata;
import si.bankart.prehod.sp.source.MetadataRefused;
import si.bankart.prehod.sp.source.MetadataSource;
import si.bankart.prehod.sp.source.SourceContent;

/**
 * {@code ./prehod metadata check}: everything validated offline, never contacting a remote source — local files as
 * a start reads them, and the saved copies of remote sources under var/metadata/ with their signatures and
 * validUntil — then joined with the relying-party policy. Every finding is one line; the outcome is the worst one.
 */
public final class MetadataCheck {

    /** The worst finding, in rising severity; {@link #exitCode} is what scripts test. */
    public enum Outcome {
        OK(0, "ok"), WARNINGS(5, "warning"), EXPIRED(4, "expired"), INVALID(1, "invalid");

        private final int exitCode;
        private final String label;

        Outcome(int exitCode, String label) {
            this.exitCode = exitCode;
            this.label = label;
        }

        public int exitCode() {
            return exitCode;
        }

        Outcome worst(Outcome other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    public record Result(Outcome outcome, List<String> lines) {

        public Result {
            lines = List.copyOf(lines);
        }
    }

    private final List<MetadataSource> sources;
    private final Supplier<List<RelyingPartyPolicy>> policies;

    public MetadataCheck(List<MetadataSource> sources, Supplier<List<RelyingPartyPolicy>> policies) {
        this.sources = List.copyOf(sources);
        this.policies = policies;
    }

    public Result check(Instant now) {
        Findings findings = new Findings();
        List<SpMetadata> all = new ArrayList<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (MetadataSource source : sources) {
            Optional<SourceContent> content;
            try {
                content = source.savedCopy(now, line -> findings.add(Outcome.INVALID, "source " + source.name() + ": " + line));
            } catch (MetadataRefused e) {
                findings.add(e.expired() ? Outcome.EXPIRED : Outcome.INVALID, "source " + source.name() + ": "
                        + e.getMessage());
                continue;
            }
            if (content.isEmpty()) {
                findings.add(Outcome.WARNINGS, "source " + source.name() + ": no saved copy under var/metadata/ yet"
                        + " (the IdP has not fetched it), nothing to check offline");
                continue;
            }
            content.get().validUntil().filter(until -> until.minus(SpCatalog.EXPIRY_WARNING).isBefore(now))
                    .ifPresent(until -> findings.add(Outcome.WARNINGS, "source " + source.name() + ": expires at " + until));
            for (SpMetadata sp : content.get().entities()) {
                String first = sourceOf.putIfAbsent(sp.entityId(), source.name());
                if (first == null) {
                    all.add(sp);
                } else {
                    findings.add(Outcome.INVALID, "source " + source.name() + ": entity " + sp.entityId()
                            + " dropped: source " + first + " already has it");
                }
            }
        }
        join(all, findings);
        if (findings.lines.isEmpty()) {
            findings.lines.add("metadata and relying-party policy: no problems (" + all.size() + " SPs, checked offline)");
        }
        return new Result(findings.outcome, findings.lines);
    }

    private void join(List<SpMetadata> all, Findings findings) {
        List<RelyingPartyPolicy> policy;
        try {
            policy = policies.get();
        } catch (RuntimeException e) {
            findings.add(Outcome.INVALID, "relying-party policy: " + e.getMessage());
            return;
        }
        // A stub is refused on purpose until the administrator completes it: a warning, not a broken installation.
        List<String> stubs = policy.stream().filter(p -> !p.complete()).map(RelyingPartyPolicy::entityId).toList();
        all.stream().filter(sp -> stubs.contains(sp.entityId())).forEach(sp -> findings.add(Outcome.WARNINGS,
                "SP " + sp.entityId() + " waits for its policy stub to be completed (complete: false)"));
        try {
            ServiceProviderRegistry.admitting(all.stream().filter(sp -> !stubs.contains(sp.entityId())).toList(),
                    policy, refusal -> findings.add(Outcome.INVALID, "refused: " + refusal));
        } catch (IllegalArgumentException e) {
            findings.add(Outcome.INVALID, "relying-party policy: " + e.getMessage());
        }
    }

    private static final class Findings {
        private final List<String> lines = new ArrayList<>();
        private Outcome outcome = Outcome.OK;

        void add(Outcome severity, String line) {
            outcome = outcome.worst(severity);
            lines.add(severity.label + ": " + line);
        }
    }
}
