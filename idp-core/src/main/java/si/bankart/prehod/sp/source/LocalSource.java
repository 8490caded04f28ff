package si.bankart.prehod.sp.source;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import si.bankart.prehod.sp.MetadataLoader;

/** A metadata file or a folder of {@code *.xml} files on this machine; the administrator vouches for it, unsigned. */
public final class LocalSource implements MetadataSource {

    private final MetadataSourceConfig config;
    private final Path path;
    private final MetadataLoader loader;

    public LocalSource(MetadataSourceConfig config, Path home, MetadataLoader loader) {
        this.config = config;
        this.path = home.resolve(config.folder() != null ? config.folder() : config.file());
        this.loader = loader;
    }

    @Override
    public MetadataSourceConfig config() {
        return config;
    }

    public Path path() {
        return path;
    }

    @Override
    public SourceContent read(Instant now, Consumer<String> dropped) throws MetadataRefused {
        return SourceContent.local(config.folder() != null ? loader.readFolder(path, now, dropped)
                : loader.readFile(path, now, dropped));
    }
}
