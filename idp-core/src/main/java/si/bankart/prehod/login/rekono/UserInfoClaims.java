package si.bankart.prehod.login.rekono;

import java.util.Optional;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * What the userinfo endpoint adds (OIDC Core §5.3). Its {@code sub} MUST equal the ID token's (§5.3.2), otherwise the
 * answer may belong to another user's token and is refused.
 */
record UserInfoClaims(Optional<String> verifiedEmail) {

    static final UserInfoClaims NONE = new UserInfoClaims(Optional.empty());

    static UserInfoClaims fetch(ProviderConnection connection, OIDCProviderMetadata provider, BearerAccessToken accessToken,
            String subject) throws RekonoRejected, ProviderUnavailable {
        if (provider.getUserInfoEndpointURI() == null) {
            throw new ProviderUnavailable("useUserinfo is on but discovery names no userinfo_endpoint");
        }
        HTTPResponse http = connection.send(new UserInfoRequest(provider.getUserInfoEndpointURI(), accessToken).toHTTPRequest(), "userinfo");
        if (http.getStatusCode() >= 500) {
            throw new ProviderUnavailable("userinfo answered HTTP " + http.getStatusCode());
        }
        UserInfoResponse response;
        try {
            response = UserInfoResponse.parse(http);
        } catch (ParseException e) {
            throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, "userinfo (HTTP " + http.getStatusCode()
                    + ") cannot be read: " + e.getMessage());
        }
        if (!response.indicatesSuccess()) {
            throw new RekonoRejected(RejectionReason.TOKEN_REFUSED, "userinfo refused the access token: "
                    + response.toErrorResponse().getErrorObject().getCode());
        }
        UserInfo claims = response.toSuccessResponse().getUserInfo();
        if (claims == null) {
            // A signed or encrypted userinfo JWT is not what Rekono sends; refuse rather than trust it unverified.
            throw new RekonoRejected(RejectionReason.RESPONSE_MALFORMED, "userinfo is not plain JSON");
        }
        if (!subject.equals(claims.getSubject().getValue())) {
            throw new RekonoRejected(RejectionReason.USERINFO_SUBJECT_MISMATCH, "userinfo sub " + claims.getSubject()
                    + " is not the ID token's " + subject);
        }
        boolean verified = Boolean.TRUE.equals(claims.getEmailVerified());
        return new UserInfoClaims(verified ? Optional.ofNullable(claims.getEmailAddress()) : Optional.empty());
    }
}
