package si.bankart.prehod.sp.source;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import si.bankart.prehod.sp.SpMetadata;

/** Where SP metadata comes from: a local file or folder, a signed document at a URL, or an MDQ responder. */
public interface MetadataSource {

    MetadataSourceConfig config();

    default String name() {
        return config().name();
    }

    /** Reads the source now; entities that cannot be trusted go to {@code dropped}, the rest is returned. */
    SourceContent read(Instant now, Consumer<String> dropped) throws MetadataRefused;

    /** The copy saved at the last good read, for a start while the source is unreachable; still fully checked. */
    default Optional<SourceContent> cached(Instant now, Consumer<String> dropped) {
        return Optional.empty();
    }

    /**
     * What the source holds without contacting anything ({@code prehod metadata check}): a local source reads its
     * files; a remote one its saved copy under var/metadata/, checked like a fresh one (signature, validUntil).
     * Empty: a remote source with no saved copy yet.
     */
    default Optional<SourceContent> savedCopy(Instant now, Consumer<String> dropped) throws MetadataRefused {
        return Optional.of(read(now, dropped));
    }

    /** An MDQ source answers for one entity on first use; the others know their entities from {@link #read}. */
    default Optional<SpMetadata> lookup(String entityId, Instant now, Consumer<String> dropped) throws MetadataRefused {
        return Optional.empty();
    }
}
