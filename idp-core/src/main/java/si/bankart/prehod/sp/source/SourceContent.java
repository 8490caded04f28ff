package si.bankart.prehod.sp.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import si.bankart.prehod.sp.SpMetadata;

/**
 * What one read of a source gave.
 *
 * @param validUntil    the document's validUntil (remote sources must have one)
 * @param cacheDuration the document's cacheDuration: when it asks to be re-read (bounded by min/max refresh)
 */
public record SourceContent(List<SpMetadata> entities, Optional<Instant> validUntil, Optional<Duration> cacheDuration) {

    public SourceContent {
        entities = List.copyOf(entities);
    }

    public static SourceContent local(List<SpMetadata> entities) {
        return new SourceContent(entities, Optional.empty(), Optional.empty());
    }
}
