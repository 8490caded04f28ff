package si.bankart.prehod.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits conf/relying-parties.yaml as text, so the administrator's comments and order stay: appends a policy stub for
 * a new SP, removes an SP's entry. The stub loads, with the strictest sensible values (minimum LoA substantial, only
 * the named login methods, no attributes released), but carries {@code complete: false}: the SP is refused until
 * the administrator has completed the entry and removed the marker, so a guessed display name or a policy nobody
 * looked at never goes live by a reload.
 */
public final class PolicyFile {

    private final Path file;

    public PolicyFile(Path file) {
        this.file = file;
    }

    public boolean has(String entityId) {
        return text().lines().anyMatch(line -> isEntry(line, entityId));
    }

    public void appendStub(String entityId, List<String> loginMethods) {
        if (!entityId.matches("[\\x21-\\x7e]+") || entityId.contains("\"")) {
            throw new IllegalArgumentException("entityID " + entityId + " cannot be written into the policy file");
        }
        String stub = """
                  # added by `prehod metadata add`: complete displayName, releasedAttributes and the rest
                  - entityId: "%s"
                    complete: false   # the portal is refused until you delete this line (then: prehod metadata reload)
                    displayName: { sl: "%s", en: "%s" }
                    loginMethods: [%s]
                    minimumLoa: substantial
                    releasedAttributes: []
                """.formatted(entityId, entityId, entityId, String.join(", ", loginMethods));
        String text = text();
        write(text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + stub);
    }

    /** @return whether there was an entry to remove */
    public boolean remove(String entityId) {
        List<String> lines = text().lines().toList();
        List<String> kept = new ArrayList<>();
        boolean removing = false;
        boolean removed = false;
        int indent = -1;
        for (String line : lines) {
            if (isEntry(line, entityId)) {
                removing = true;
                removed = true;
                indent = line.indexOf('-');
                // a comment line written just before it by appendStub goes with it
                if (!kept.isEmpty() && kept.get(kept.size() - 1).trim().startsWith("# added by `prehod metadata add`")) {
                    kept.remove(kept.size() - 1);
                }
                continue;
            }
            if (removing) {
                int lineIndent = line.length() - line.stripLeading().length();
                if (line.isBlank() || lineIndent > indent) {
                    continue;
                }
                removing = false;
            }
            kept.add(line);
        }
        if (removed) {
            write(String.join("\n", kept) + "\n");
        }
        return removed;
    }

    private static boolean isEntry(String line, String entityId) {
        String trimmed = line.trim();
        return trimmed.equals("- entityId: " + entityId) || trimmed.equals("- entityId: \"" + entityId + "\"");
    }

    private String text() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "relyingParties:\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
