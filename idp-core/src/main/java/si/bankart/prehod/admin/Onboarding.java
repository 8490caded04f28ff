package si.bankart.prehod.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import si.bankart.prehod.keys.KeyRing;
import si.bankart.prehod.sp.MetadataLoader;
import si.bankart.prehod.sp.SpMetadata;
import si.bankart.prehod.sp.source.MetadataRefused;

/**
 * {@code ./prehod metadata add} and {@code remove} on the files: what a new SP's metadata says (entityID, endpoints,
 * keys with fingerprint and expiry) for the administrator to confirm, then the metadata file in metadataDir and a
 * policy stub; removal takes both away. The running IdP sees the change at its reload.
 */
public final class Onboarding {

    private final MetadataLoader loader;
    private final Path metadataDir;
    private final PolicyFile policies;

    public Onboarding(MetadataLoader loader, Path metadataDir, PolicyFile policies) {
        this.loader = loader;
        this.metadataDir = metadataDir;
        this.policies = policies;
    }

    /** The SPs a document holds, checked like any metadata; refused entities are named in {@code problems}. */
    public List<SpMetadata> inspect(byte[] document, String source, Instant now, List<String> problems)
            throws MetadataRefused {
        return loader.entities(loader.parse(document, source), source, now, problems::add);
    }

    public static List<String> describe(SpMetadata sp) {
        List<String> lines = new ArrayList<>();
        lines.add("entityID: " + sp.entityId());
        sp.assertionConsumerServices().forEach(a -> lines.add("  AssertionConsumerService " + a.binding() + " " + a.location()));
        sp.singleLogoutServices().forEach(s -> lines.add("  SingleLogoutService " + s.binding() + " " + s.location()));
        Stream.concat(sp.signingCertificates().stream().map(c -> key("signing", c)),
                sp.encryptionCertificates().stream().map(c -> key("encryption", c))).distinct().forEach(lines::add);
        lines.add("  AuthnRequestsSigned: " + sp.authnRequestsSigned());
        return lines;
    }

    private static String key(String use, X509Certificate certificate) {
        return "  key (" + use + ") sha256=" + KeyRing.fingerprint(certificate) + " notAfter="
                + certificate.getNotAfter().toInstant() + " subject=" + certificate.getSubjectX500Principal().getName();
    }

    /** Writes the document into metadataDir and a policy stub for each SP that has none yet; returns what it did. */
    public List<String> add(byte[] document, List<SpMetadata> sps, List<String> loginMethods) {
        List<String> done = new ArrayList<>();
        Path file = metadataDir.resolve(fileName(sps.get(0).entityId()));
        try {
            Files.createDirectories(metadataDir);
            Files.write(file, document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        done.add("wrote " + file);
        for (SpMetadata sp : sps) {
            if (policies.has(sp.entityId())) {
                done.add("policy for " + sp.entityId() + " already present, left as it is");
            } else {
                policies.appendStub(sp.entityId(), loginMethods);
                done.add("policy stub for " + sp.entityId() + " appended: the portal is refused until you complete it"
                        + " in the relying-party policy, delete its line complete: false and reload");
            }
        }
        return done;
    }

    /** Deletes the SP's own file in metadataDir (an aggregate is left alone) and its policy entry. */
    public List<String> remove(String entityId) {
        List<String> done = new ArrayList<>();
        Optional<Path> own = ownFile(entityId);
        own.ifPresent(file -> {
            try {
                Files.delete(file);
                done.add("deleted " + file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        });
        if (own.isEmpty()) {
            done.add("no file of its own in " + metadataDir + " (it comes from an aggregate or remote source):"
                    + " without a policy entry it is refused");
        }
        done.add(policies.remove(entityId) ? "policy entry removed" : "it had no policy entry");
        return done;
    }

    private Optional<Path> ownFile(String entityId) {
        if (!Files.isDirectory(metadataDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(metadataDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                try {
                    List<SpMetadata> sps = loader.readFile(file, Instant.now(), line -> { });
                    if (sps.size() == 1 && sps.get(0).entityId().equals(entityId)) {
                        return Optional.of(file);
                    }
                } catch (MetadataRefused e) {
                    // not this one
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + metadataDir, e);
        }
        return Optional.empty();
    }

    static String fileName(String entityId) {
        return entityId.replaceFirst("^https?://", "").replaceAll("[^A-Za-z0-9.\\-]", "_") + ".xml";
    }
}
