package si.bankart.prehod.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.opensaml.security.x509.BasicX509Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.CredentialsConfig;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.health.HealthCheck;
import si.bankart.prehod.health.HealthReport;

/**
 * The IdP's assertion-signing keys and their rollover (issue 16 item 6): {@link #next} makes a key that our metadata
 * publishes beside the active one, {@link #activate} switches signing to it, {@link #retire} stops publishing the old
 * one. The state lives in one file (credentials.keyRing), re-read when it changes, so a step taken by
 * {@code ./prehod keys} on the files is live in a running IdP too; signers ask for the active key at signing time.
 */
public final class KeyRing implements Supplier<BasicX509Credential>, HealthCheck {

    /** Readiness warns this long before the active key's certificate expires: time for a rollover. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final Path home;
    private final Path file;
    private final CredentialsConfig credentials;
    private final Optional<TokenKeys> token;
    private final DevKeyWriter generator;
    private final Clock clock;
    private final Map<String, BasicX509Credential> loaded = new ConcurrentHashMap<>();
    private volatile KeyRingFile ring;
    private volatile FileTime readAt;

    public KeyRing(Path home, CredentialsConfig credentials, Optional<TokenKeys> token, DevKeyWriter generator,
            Clock clock) {
        this.home = home;
        this.file = home.resolve(credentials.keyRing());
        this.credentials = credentials;
        this.token = token;
        this.generator = generator;
        this.clock = clock;
        this.ring = read();
        ring.keys().forEach(this::credential);
    }

    /** The ring credentials describes, with the PKCS#11 token opened when credentials.pkcs11 names one. */
    public static KeyRing configured(Path home, CredentialsConfig credentials, DevKeyWriter generator, Clock clock) {
        Optional<TokenKeys> token = Optional.ofNullable(credentials.pkcs11()).map(p -> new TokenKeys(home, p));
        return new KeyRing(home, credentials, token, generator, clock);
    }

    /** The key that signs now. */
    @Override
    public BasicX509Credential get() {
        return credential(current().keys().stream().filter(k -> k.state() == KeyState.ACTIVE).findFirst().orElseThrow());
    }

    /** Every key our metadata publishes: active, next and previous. */
    public List<X509Certificate> published() {
        return current().keys().stream().map(k -> credential(k).getEntityCertificate()).toList();
    }

    public List<KeyDescription> status() {
        return current().keys().stream().map(k -> describe(k, credential(k).getEntityCertificate())).toList();
    }

    /**
     * A new key, published from now on but not used yet. {@code tokenAlias}: a key already made in the PKCS#11 token
     * (the token makes its own keys); otherwise a new RSA key pair in PEM files under var/keys/.
     */
    public synchronized KeyDescription next(Optional<String> tokenAlias) {
        KeyRingFile now = current();
        if (now.keys().stream().anyMatch(k -> k.state() == KeyState.NEXT)) {
            throw new IllegalStateException("there already is a NEXT key: activate or retire it first");
        }
        String id = "k" + ID.format(clock.instant());
        while (now.keys().stream().map(RingKey::id).toList().contains(id)) {
            id = id + "b";
        }
        RingKey key;
        if (tokenAlias.isPresent()) {
            if (token.isEmpty()) {
                throw new IllegalStateException("credentials.pkcs11 is not configured");
            }
            key = new RingKey(id, RingKey.PKCS11 + tokenAlias.get(), RingKey.PKCS11 + tokenAlias.get(), KeyState.NEXT);
        } else {
            Path folder = home.resolve(credentials.keyRing()).getParent();
            String certificate = home.relativize(folder.resolve("signing-" + id + ".crt")).toString();
            String privateKey = home.relativize(folder.resolve("signing-" + id + ".key")).toString();
            generator.signingPairIfMissing(home.resolve(certificate), home.resolve(privateKey),
                    "CN=Varni Prehod signing key " + id);
            key = new RingKey(id, certificate, privateKey, KeyState.NEXT);
        }
        List<RingKey> keys = new ArrayList<>(now.keys());
        keys.add(key);
        write(new KeyRingFile(keys));
        log.info("signing key {} generated and published as NEXT", id);
        return describe(key, credential(key).getEntityCertificate());
    }

    /** The NEXT key signs from now on; the one that did stays published as PREVIOUS until {@link #retire}. */
    public synchronized KeyDescription activate() {
        KeyRingFile now = current();
        RingKey next = now.keys().stream().filter(k -> k.state() == KeyState.NEXT).findFirst()
                .orElseThrow(() -> new IllegalStateException("there is no NEXT key: run `keys next` first"));
        List<RingKey> keys = now.keys().stream().map(k -> k == next ? k.in(KeyState.ACTIVE)
                : k.state() == KeyState.ACTIVE ? k.in(KeyState.PREVIOUS) : k).toList();
        write(new KeyRingFile(keys));
        log.info("signing key {} is ACTIVE", next.id());
        return describe(next.in(KeyState.ACTIVE), credential(next).getEntityCertificate());
    }

    /** Stops publishing the PREVIOUS keys (their files stay, for the record). */
    public synchronized List<KeyDescription> retire() {
        KeyRingFile now = current();
        List<RingKey> retired = now.keys().stream().filter(k -> k.state() == KeyState.PREVIOUS).toList();
        if (retired.isEmpty()) {
            throw new IllegalStateException("there is no PREVIOUS key to retire");
        }
        write(new KeyRingFile(now.keys().stream().filter(k -> k.state() != KeyState.PREVIOUS).toList()));
        retired.forEach(k -> log.info("signing key {} retired", k.id()));
        return retired.stream().map(k -> describe(k, credential(k).getEntityCertificate())).toList();
    }

    private KeyRingFile current() {
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified != null && !modified.equals(readAt)) {
                synchronized (this) {
                    ring = read();
                }
            }
        } catch (IOException | ConfigException e) {
            log.warn("signing key ring {} not re-read, the keys stay as they were: {}", file, e.getMessage());
        }
        return ring;
    }

    /** The ring file, or while there is none, the configured signing key as the only, active one. */
    private KeyRingFile read() {
        try {
            if (!Files.exists(file)) {
                String key = credentials.pkcs11() != null ? RingKey.PKCS11 + credentials.pkcs11().alias()
                        : credentials.signingKey();
                String certificate = credentials.pkcs11() != null ? key : credentials.signingCertificate();
                return new KeyRingFile(List.of(new RingKey("initial", certificate, key, KeyState.ACTIVE)));
            }
            readAt = Files.getLastModifiedTime(file);
            return new YamlFiles(Map.of()).read(file, KeyRingFile.class);
        } catch (IOException e) {
            throw new ConfigException(file, "cannot be read");
        }
    }

    private void write(KeyRingFile next) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "signing-keys", ".part");
            new ObjectMapper(new YAMLFactory()).writeValue(temporary.toFile(), next);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            readAt = Files.getLastModifiedTime(file);
            ring = next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private BasicX509Credential credential(RingKey key) {
        return loaded.computeIfAbsent(key.id(), id -> {
            if (key.inToken()) {
                return token.orElseThrow(() -> new ConfigException(file, "key " + id + " is in a PKCS#11 token but"
                        + " credentials.pkcs11 is not configured")).credential(key.key().substring(RingKey.PKCS11.length()));
            }
            return new PemCredentialReader().read(home.resolve(key.certificate()), home.resolve(key.key()));
        });
    }

    private static KeyDescription describe(RingKey key, X509Certificate certificate) {
        return new KeyDescription(key.id(), key.state(), fingerprint(certificate),
                certificate.getNotAfter().toInstant(), key.inToken() ? "pkcs11" : key.key());
    }

    @Override
    public String name() {
        return "signing-keys";
    }

    /** DOWN when the active key's certificate has expired (portals refuse what it signs), WARN within 30 days. */
    @Override
    public HealthReport check() {
        X509Certificate active = get().getEntityCertificate();
        Instant notAfter = active.getNotAfter().toInstant();
        Instant now = clock.instant();
        String detail = current().keys().size() + " published, active expires " + notAfter;
        if (!notAfter.isAfter(now)) {
            return HealthReport.down("the active signing key expired at " + notAfter + ": roll it over (keys next, activate)");
        }
        return notAfter.minus(EXPIRY_WARNING).isBefore(now) ? HealthReport.warn(detail + ": roll it over soon")
                : HealthReport.up(detail);
    }

    /** SHA-256 of the certificate, as portal administrators compare it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
