package si.bankart.prehod.sp;

import java.net.URI;
import java.util.Optional;

import si.bankart.prehod.config.LocalizedText;

/**
 * Where a user can go back to a portal when the login it sent them with is gone: its {@code homeUrl} from
 * relying-parties.yaml, else the site of its default ACS from metadata. Never a URL from a request.
 */
public record PortalHome(LocalizedText name, String url) {

    public static Optional<PortalHome> of(RegisteredSp sp) {
        if (sp.policy().homeUrl() != null) {
            return Optional.of(new PortalHome(sp.policy().displayName(), sp.policy().homeUrl()));
        }
        return sp.metadata().defaultAcs().map(acs -> URI.create(acs.location()))
                .map(acs -> new PortalHome(sp.policy().displayName(), acs.getScheme() + "://" + acs.getRawAuthority() + "/"));
    }
}
