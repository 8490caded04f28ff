package si.bankart.prehod.sp.source;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import si.bankart.prehod.sp.SpMetadata;

/**
 * A metadata query responder (MDQ, draft-young-md-query §3): one signed EntityDescriptor per request at
 * {@code <base>/entities/{sha1}<hex>}, asked on first use of an entity and then kept (and saved under var/metadata/)
 * like a URL source's document; {@link #read} refreshes every entity asked for so far.
 */
public final class MdqSource implements MetadataSource {

    private final MetadataSourceConfig config;
    private final RemoteFetch fetch;
    private final SignedDocumentReader reader;
    private final X509Certificate signer;
    private final Path cacheFolder;
    private final Map<String, SpMetadata> known = new ConcurrentHashMap<>();

    public MdqSource(MetadataSourceConfig config, RemoteFetch fetch, SignedDocumentReader reader, X509Certificate signer,
            Path cacheFolder) {
        this.config = config;
        this.fetch = fetch;
        this.reader = reader;
        this.signer = signer;
        this.cacheFolder = cacheFolder.resolve(config.name());
    }

    @Override
    public MetadataSourceConfig config() {
        return config;
    }

    @Override
    public Optional<SpMetadata> lookup(String entityId, Instant now, Consumer<String> dropped) throws MetadataRefused {
        String hash = sha1(entityId);
        byte[] document = fetch.get(URI.create(config.mdq().toString().replaceAll("/$", "") + "/entities/%7Bsha1%7D" + hash));
        Optional<SpMetadata> entity = only(reader.read(document, config.name(), signer, now, dropped), entityId);
        if (entity.isPresent()) {
            known.put(entityId, entity.get());
            save(hash, document);
        }
        return entity;
    }

    @Override
    public SourceContent read(Instant now, Consumer<String> dropped) throws MetadataRefused {
        List<SpMetadata> refreshed = new ArrayList<>();
        for (String entityId : List.copyOf(known.keySet())) {
            lookup(entityId, now, dropped).ifPresent(refreshed::add);
        }
        return SourceContent.local(refreshed);
    }

    @Override
    public Optional<SourceContent> cached(Instant now, Consumer<String> dropped) {
        List<SpMetadata> saved = new ArrayList<>();
        try (var files = Files.list(cacheFolder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                try {
                    SourceContent content = reader.read(Files.readAllBytes(file), config.name() + " (saved copy)", signer,
                            now, dropped);
                    content.entities().forEach(sp -> known.put(sp.entityId(), sp));
                    saved.addAll(content.entities());
                } catch (MetadataRefused e) {
                    dropped.accept(config.name() + ": saved copy " + file.getFileName() + " dropped: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(SourceContent.local(saved));
    }

    /**
     * Every saved answer, each checked again; the first one that fails refuses the whole check. None saved is normal:
     * entities are asked for on first use.
     */
    @Override
    public Optional<SourceContent> savedCopy(Instant now, Consumer<String> dropped) throws MetadataRefused {
        if (!Files.isDirectory(cacheFolder)) {
            return Optional.of(SourceContent.local(List.of()));
        }
        List<SpMetadata> saved = new ArrayList<>();
        try (var files = Files.list(cacheFolder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                saved.addAll(reader.read(Files.readAllBytes(file), config.name() + " (saved copy "
                        + file.getFileName() + ")", signer, now, dropped).entities());
            }
        } catch (IOException e) {
            throw new MetadataRefused(config.name() + ": the saved copies in " + cacheFolder + " cannot be read");
        }
        return Optional.of(SourceContent.local(saved));
    }

    /** The responder must answer with the entity asked for, not another one it also vouches for. */
    private Optional<SpMetadata> only(SourceContent content, String entityId) throws MetadataRefused {
        for (SpMetadata sp : content.entities()) {
            if (!sp.entityId().equals(entityId)) {
                throw new MetadataRefused(config.name() + ": asked for " + entityId + ", answered with " + sp.entityId());
            }
        }
        return content.entities().stream().findFirst();
    }

    private void save(String hash, byte[] document) {
        try {
            Files.createDirectories(cacheFolder);
            Files.write(cacheFolder.resolve(hash + ".xml"), document);
        } catch (IOException e) {
            // The entity is still in memory; the next start asks the responder again.
        }
    }

    static String sha1(String entityId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(entityId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
