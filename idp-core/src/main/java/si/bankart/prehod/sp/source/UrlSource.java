package si.bankart.prehod.sp.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed metadata document (one SP or an aggregate) at an https URL. Every good copy is saved under var/metadata/,
 * so that a start while the URL is unreachable still has the SPs — the saved copy is checked again like a fresh one
 * (signature, validUntil) before it is used.
 */
public final class UrlSource implements MetadataSource {

    private static final Logger log = LoggerFactory.getLogger(UrlSource.class);

    private final MetadataSourceConfig config;
    private final RemoteFetch fetch;
    private final SignedDocumentReader reader;
    private final X509Certificate signer;
    private final Path cacheFile;

    public UrlSource(MetadataSourceConfig config, RemoteFetch fetch, SignedDocumentReader reader, X509Certificate signer,
            Path cacheFolder) {
        this.config = config;
        this.fetch = fetch;
        this.reader = reader;
        this.signer = signer;
        this.cacheFile = cacheFolder.resolve(config.name() + ".xml");
    }

    @Override
    public MetadataSourceConfig config() {
        return config;
    }

    @Override
    public SourceContent read(Instant now, Consumer<String> dropped) throws MetadataRefused {
        byte[] document = fetch.get(config.url());
        SourceContent content = reader.read(document, config.name(), signer, now, dropped);
        save(document);
        return content;
    }

    @Override
    public Optional<SourceContent> cached(Instant now, Consumer<String> dropped) {
        try {
            return savedCopy(now, dropped);
        } catch (MetadataRefused e) {
            log.warn("metadata source {}: the saved copy {} is not usable either: {}", config.name(), cacheFile,
                    e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<SourceContent> savedCopy(Instant now, Consumer<String> dropped) throws MetadataRefused {
        if (!Files.isRegularFile(cacheFile)) {
            return Optional.empty();
        }
        byte[] document;
        try {
            document = Files.readAllBytes(cacheFile);
        } catch (IOException e) {
            throw new MetadataRefused(config.name() + ": the saved copy " + cacheFile + " cannot be read");
        }
        return Optional.of(reader.read(document, config.name() + " (saved copy)", signer, now, dropped));
    }

    private void save(byte[] document) {
        try {
            Files.createDirectories(cacheFile.getParent());
            Path temporary = Files.createTempFile(cacheFile.getParent(), config.name(), ".part");
            Files.write(temporary, document);
            Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("metadata source {}: the good copy cannot be saved to {} ({})", config.name(), cacheFile,
                    e.getClass().getSimpleName());
        }
    }
}
