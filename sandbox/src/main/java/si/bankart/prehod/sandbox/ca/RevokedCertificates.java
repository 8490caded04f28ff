package si.bankart.prehod.sandbox.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The revocations of every sandbox CA, kept in one text file so that a restart of the sandbox still answers
 * "revoked" (one line per revocation: {@code <ca name> <serial hex> <CRLReason> <ISO-8601 instant>}).
 * Revoking twice keeps the first revocation, as a real CA cannot un-revoke or move the date.
 */
public final class RevokedCertificates {

    private final Path file;
    private final Map<String, Revocation> byKey = new LinkedHashMap<>();

    private RevokedCertificates(Path file) {
        this.file = file;
    }

    /** Reads {@code file}; a missing file means nothing is revoked yet. */
    public static RevokedCertificates load(Path file) throws IOException {
        RevokedCertificates revoked = new RevokedCertificates(file);
        if (Files.exists(file)) {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+");
                try {
                    if (fields.length != 4) {
                        throw new IllegalArgumentException("expected 4 fields, found " + fields.length);
                    }
                    Revocation revocation = new Revocation(fields[0], new BigInteger(fields[1], 16),
                            CRLReason.valueOf(fields[2]), Instant.parse(fields[3]));
                    revoked.byKey.putIfAbsent(key(revocation.caName(), revocation.serialNumber()), revocation);
                } catch (RuntimeException e) {
                    throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        }
        return revoked;
    }

    /** Records the revocation and writes the file before returning; false if it was already revoked. */
    public synchronized boolean add(Revocation revocation) {
        if (byKey.putIfAbsent(key(revocation.caName(), revocation.serialNumber()), revocation) != null) {
            return false;
        }
        StringBuilder text = new StringBuilder("# Varni Prehod sandbox CA revocations: CA serial reason time\n");
        for (Revocation each : byKey.values()) {
            text.append(each.caName()).append(' ').append(each.serialNumber().toString(16)).append(' ')
                    .append(each.reason().name()).append(' ').append(each.revokedAt()).append('\n');
        }
        try {
            AtomicFiles.write(file, text.toString());
        } catch (IOException e) {
            byKey.remove(key(revocation.caName(), revocation.serialNumber()));
            throw new UncheckedIOException("cannot persist the revocation in " + file, e);
        }
        return true;
    }

    public synchronized Optional<Revocation> find(String caName, BigInteger serialNumber) {
        return Optional.ofNullable(byKey.get(key(caName, serialNumber)));
    }

    public synchronized List<Revocation> of(String caName) {
        List<Revocation> result = new ArrayList<>();
        for (Revocation revocation : byKey.values()) {
            if (revocation.caName().equals(caName)) {
                result.add(revocation);
            }
        }
        return result;
    }

    private static String key(String caName, BigInteger serialNumber) {
        return caName + ' ' + serialNumber.toString(16);
    }
}
