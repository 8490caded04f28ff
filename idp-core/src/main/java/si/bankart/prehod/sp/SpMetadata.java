package si.bankart.prehod.sp;

import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opensaml.saml.common.xml.SAMLConstants;

/**
 * What an SP's SAML metadata says about it: where to answer, where to send logout messages, which keys it signs and
 * encrypts with.
 */
public record SpMetadata(
        String entityId,
        List<AcsEndpoint> assertionConsumerServices,
        List<X509Certificate> signingCertificates,
        List<X509Certificate> encryptionCertificates,
        boolean authnRequestsSigned,
        String source,
        List<SloEndpoint> singleLogoutServices) {

    public SpMetadata {
        assertionConsumerServices = List.copyOf(assertionConsumerServices);
        signingCertificates = List.copyOf(signingCertificates);
        encryptionCertificates = List.copyOf(encryptionCertificates);
        singleLogoutServices = singleLogoutServices == null ? List.of() : List.copyOf(singleLogoutServices);
    }

    /** An SP without SingleLogoutService. */
    public SpMetadata(String entityId, List<AcsEndpoint> assertionConsumerServices,
            List<X509Certificate> signingCertificates, List<X509Certificate> encryptionCertificates,
            boolean authnRequestsSigned, String source) {
        this(entityId, assertionConsumerServices, signingCertificates, encryptionCertificates, authnRequestsSigned,
                source, List.of());
    }

    /**
     * The browser-reachable SingleLogoutService to use: the first with {@code preferredBinding} if there is one (a
     * reply goes back over the binding the request came in on), else the first HTTP-Redirect, else the first HTTP-POST.
     */
    public Optional<SloEndpoint> frontChannelSlo(String preferredBinding) {
        return singleLogoutServices.stream().filter(s -> s.isFrontChannel() && s.binding().equals(preferredBinding)).findFirst()
                .or(() -> singleLogoutServices.stream()
                        .filter(s -> SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(s.binding())).findFirst())
                .or(() -> singleLogoutServices.stream().filter(SloEndpoint::isFrontChannel).findFirst());
    }

    /** The SOAP SingleLogoutService, for logout over the back channel. */
    public Optional<SloEndpoint> soapSlo() {
        return singleLogoutServices.stream().filter(SloEndpoint::isSoap).findFirst();
    }

    /** The ACS with this index, if it uses the HTTP-POST binding (the only one we answer with). */
    public Optional<AcsEndpoint> acsByIndex(int index) {
        return postEndpoints().stream().filter(a -> a.index() == index).findFirst();
    }

    /** The POST ACS whose location is exactly this URL: no prefix, case or normalisation games. */
    public Optional<AcsEndpoint> acsByLocation(String location) {
        return postEndpoints().stream().filter(a -> a.location().equals(location)).findFirst();
    }

    /** SAML metadata §2.2.3: the one marked default, else the first not marked non-default, else the first. */
    public Optional<AcsEndpoint> defaultAcs() {
        List<AcsEndpoint> post = postEndpoints();
        return post.stream().filter(a -> Boolean.TRUE.equals(a.isDefault())).findFirst()
                .or(() -> post.stream().filter(a -> a.isDefault() == null).findFirst())
                .or(() -> post.stream().findFirst());
    }

    private List<AcsEndpoint> postEndpoints() {
        return assertionConsumerServices.stream()
                .filter(a -> SAMLConstants.SAML2_POST_BINDING_URI.equals(a.binding()))
                .sorted(Comparator.comparingInt(AcsEndpoint::index))
                .toList();
    }
}
