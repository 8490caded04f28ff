package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ServletUtils;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.account.AccountStore;

/**
 * {issuer}userinfo, GET or POST with a bearer access token (RFC 6750 §2.1 header or §2.2 form body): the claims the
 * granted scopes allow — profile: names; email: e-mail (always verified at Rekono); phone: the mobile number.
 */
public final class UserInfoEndpoint extends HttpServlet {

    private final AccessTokens accessTokens;
    private final AccountStore accounts;

    public UserInfoEndpoint(AccessTokens accessTokens, AccountStore accounts) {
        this.accessTokens = accessTokens;
        this.accounts = accounts;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HTTPResponse reply;
        try {
            UserInfoRequest userInfoRequest = UserInfoRequest.parse(ServletUtils.createHTTPRequest(request));
            reply = accessTokens.find(userInfoRequest.getAccessToken())
                    .flatMap(grant -> accounts.bySub(grant.sub()).map(account -> claims(account, grant)))
                    .map(info -> new UserInfoSuccessResponse(info).toHTTPResponse())
                    .orElseGet(() -> new UserInfoErrorResponse(BearerTokenError.INVALID_TOKEN).toHTTPResponse());
        } catch (ParseException e) {
            BearerTokenError error = e.getErrorObject() instanceof BearerTokenError bearer
                    ? bearer : BearerTokenError.MISSING_TOKEN;
            reply = new UserInfoErrorResponse(error).toHTTPResponse();
        }
        reply.setHeader("Cache-Control", "no-store");
        ServletUtils.applyHTTPResponse(reply, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    private static UserInfo claims(Account account, AccessTokens.Grant grant) {
        UserInfo info = new UserInfo(new Subject(account.sub()));
        if (grant.scope().contains(OIDCScopeValue.PROFILE)) {
            account.fullName().ifPresent(info::setName);
            info.setGivenName(account.givenName());
            info.setFamilyName(account.familyName());
        }
        if (grant.scope().contains(OIDCScopeValue.EMAIL)) {
            info.setEmailAddress(account.email());
            info.setEmailVerified(true);
        }
        if (grant.scope().contains(OIDCScopeValue.PHONE)) {
            info.setPhoneNumber(account.mobile().e164());
            info.setPhoneNumberVerified(true);
        }
        return info;
    }
}
