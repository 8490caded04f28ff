package si.bankart.prehod.admin;

import java.util.List;
import java.util.Optional;

import si.bankart.prehod.keys.KeyDescription;
import si.bankart.prehod.keys.KeyRing;

/** {@code ./prehod keys status|next|activate|retire} on the key ring; each answer is the lines the command prints. */
public final class KeyAdministration {

    private final KeyRing keys;

    public KeyAdministration(KeyRing keys) {
        this.keys = keys;
    }

    public List<String> status() {
        return keys.status().stream().map(KeyAdministration::line).toList();
    }

    public List<String> next(Optional<String> tokenAlias) {
        return List.of(line(keys.next(tokenAlias)), "published in /idp/metadata from now on; let the portals fetch it"
                + " (cacheDuration) before `keys activate`");
    }

    public List<String> activate() {
        return List.of(line(keys.activate()), "signing with it from now on; the previous key stays published until"
                + " `keys retire`");
    }

    public List<String> retire() {
        return keys.retire().stream().map(k -> line(k) + "  retired").toList();
    }

    private static String line(KeyDescription key) {
        return key.id() + "  " + key.state() + "  sha256=" + key.sha256Fingerprint() + "  notAfter=" + key.notAfter()
                + "  " + key.location();
    }
}
