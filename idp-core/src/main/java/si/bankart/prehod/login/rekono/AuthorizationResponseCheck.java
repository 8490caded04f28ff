package si.bankart.prehod.login.rekono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;

/**
 * Reads Rekono's redirect to our callback as an authorization response (OIDC Core §3.1.2.5-6), after its state was
 * claimed. Rejects repeated parameters, an {@code iss} naming another provider, errors other than
 * {@code access_denied}, and anything but a bare code (tokens never travel through the browser in the code flow).
 */
final class AuthorizationResponseCheck {

    static final String UNMET_AUTHENTICATION_REQUIREMENTS = "unmet_authentication_requirements";

    private final URI issuer;
    private final URI redirectUri;

    AuthorizationResponseCheck(URI issuer, URI redirectUri) {
        this.issuer = issuer;
        this.redirectUri = redirectUri;
    }

    /** As {@link #code(Map, boolean)} for a provider that does not promise to name itself in its responses. */
    Optional<AuthorizationCode> code(Map<String, List<String>> parameters) throws RekonoRejected {
        return code(parameters, false);
    }

    /**
     * The authorization code, or empty when the user cancelled at Rekono.
     *
     * @param issPromised the provider's metadata advertises {@code authorization_response_iss_parameter_supported}
     */
    Optional<AuthorizationCode> code(Map<String, List<String>> parameters, boolean issPromised) throws RekonoRejected {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            // RFC 6749 §3.1: parameters MUST NOT be included more than once.
            if (parameter.getValue().size() > 1) {
                throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, parameter.getKey() + " appears "
                        + parameter.getValue().size() + " times");
            }
        }
        List<String> iss = parameters.get("iss");
        // RFC 9207 §2.4: a provider that promised iss and sent none may not be the provider at all (mix-up attack).
        if (issPromised && (iss == null || iss.isEmpty())) {
            throw new RekonoRejected(RejectionReason.ISSUER_MISSING, "callback without iss, which the provider's"
                    + " metadata promises");
        }
        // RFC 9207 §2.4: when the provider names itself in the response, it must be the provider we sent the user to.
        if (iss != null && !iss.isEmpty() && !issuer.toString().equals(iss.get(0))) {
            throw new RekonoRejected(RejectionReason.ISSUER_MISMATCH, "callback iss is '" + ProviderText.printable(iss.get(0)) + "'");
        }
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(redirectUri, parameters);
        } catch (ParseException e) {
            throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, "authorization response: " + e.getMessage());
        }
        if (response instanceof AuthenticationErrorResponse error) {
            ErrorObject object = error.getErrorObject();
            // RFC 6749 §4.1.2.1: access_denied is the user saying no (or cancelling), not a failure of anyone.
            if (OAuth2Error.ACCESS_DENIED.getCode().equals(object.getCode())) {
                return Optional.empty();
            }
            // OIDC Core §3.1.2.6: the account cannot reach the acr asked for. The SP hears NoAuthnContext, as SAML says.
            if (UNMET_AUTHENTICATION_REQUIREMENTS.equals(object.getCode())) {
                throw new RekonoRejected(RejectionReason.UNMET_LEVEL, "Rekono cannot authenticate this account at the"
                        + " level asked for");
            }
            throw new RekonoRejected(RejectionReason.PROVIDER_ERROR, "Rekono answered " + ProviderText.printable(object.getCode())
                    + (object.getDescription() == null ? "" : ": " + ProviderText.printable(object.getDescription())));
        }
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        // Code flow: tokens never travel through the browser (OIDC Core §3.1.2.5).
        if (success.getAuthorizationCode() == null || success.getIDToken() != null || success.getAccessToken() != null) {
            throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, "not a code-flow response");
        }
        return Optional.of(success.getAuthorizationCode());
    }
}
