package si.bankart.prehod.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What our own metadata ({@code GET /idp/metadata}) tells portal administrators beyond endpoints and keys.
 *
 * @param validity      validUntil is this long after the document is built (SAML metadata §2.2.1); portals refuse it
 *                      afterwards, so they must re-fetch
 * @param cacheDuration how often portals should re-fetch it (so they see a published next key in time)
 * @param displayName   mdui:DisplayName, sl and en
 * @param description   mdui:Description, sl and en
 * @param organization  md:Organization; absent: none
 * @param contacts      md:ContactPerson entries
 */
public record IdpMetadataConfig(Duration validity, Duration cacheDuration, LocalizedText displayName,
        LocalizedText description, Organization organization, List<Contact> contacts) {

    public static final IdpMetadataConfig DEFAULTS = new IdpMetadataConfig(null, null, null, null, null, null);

    public IdpMetadataConfig {
        validity = validity == null ? Duration.ofDays(7) : validity;
        cacheDuration = cacheDuration == null ? Duration.ofHours(6) : cacheDuration;
        if (cacheDuration.isNegative() || cacheDuration.isZero() || validity.compareTo(cacheDuration) <= 0) {
            throw new IllegalArgumentException("idpMetadata.cacheDuration must be positive and shorter than validity");
        }
        displayName = displayName == null ? new LocalizedText("Varni Prehod", "Varni Prehod") : displayName;
        description = description == null ? new LocalizedText("Prijava v portale", "Login to the portals") : description;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** md:Organization: name, display name and URL, each in sl and en. */
    public record Organization(LocalizedText name, LocalizedText displayName, LocalizedText url) {

        public Organization {
            if (name == null || displayName == null || url == null) {
                throw new IllegalArgumentException("idpMetadata.organization needs name, displayName and url (sl, en)");
            }
        }
    }

    /** md:ContactPerson (SAML metadata §2.3.2.2). */
    public record Contact(String type, String company, String givenName, String email) {

        private static final Set<String> TYPES = Set.of("technical", "support", "administrative", "billing", "other");

        public Contact {
            if (type == null || !TYPES.contains(type)) {
                throw new IllegalArgumentException("idpMetadata.contacts[].type must be one of " + TYPES);
            }
            if (email == null || !email.contains("@")) {
                throw new IllegalArgumentException("idpMetadata.contacts[].email is required");
            }
        }
    }
}
