package si.bankart.prehod.sandbox.portals;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

import si.bankart.prehod.config.LocalizedText;

/**
 * One demo portal: its path on the portals' server ({@code /<id>/}), its name, what the IdP knows it by (entity ID,
 * ACS URL and HTTP-Redirect SingleLogoutService URL exactly as in its metadata, whatever port the portals really
 * listen on), and its signing key pair.
 *
 * @param asksOwnPassword true for the portals that, as the real applications do, ask for their own username and
 *                        password after SSO (CMS web, Bankomati/ESQ)
 */
public record PortalDefinition(String id, LocalizedText displayName, String entityId, String acsUrl, String sloUrl,
        Path certificateFile,
        Path keyFile, boolean asksOwnPassword) {

    private static final Pattern PATH_ID = Pattern.compile("[a-z0-9]{1,16}");

    public PortalDefinition {
        Objects.requireNonNull(id, "id");
        if (!PATH_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("portal id must be 1-16 lower-case letters or digits: " + id);
        }
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(acsUrl, "acsUrl");
        Objects.requireNonNull(sloUrl, "sloUrl");
        Objects.requireNonNull(certificateFile, "certificateFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** The portal's home page path, also the path its session cookie is scoped to. */
    public String homePath() {
        return "/" + id + "/";
    }
}
