package si.bankart.prehod.sandbox.rekono.login;

import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import si.bankart.prehod.sandbox.rekono.client.RegisteredClient;
import si.bankart.prehod.sandbox.rekono.factor.TotpSecret;

/**
 * One authorization request on its way through the login pages: the validated request, how high a trust level it
 * needs, the browser it belongs to ({@code BrowserCookie}), and what the user has done so far (the account whose
 * password was right, an enrolment secret, a push id).
 */
public record LoginTransaction(
        String id,
        String browser,
        AuthenticationRequest request,
        RegisteredClient client,
        int requiredLevel,
        Instant created,
        Optional<String> accountSub,
        Optional<TotpSecret> enrolmentSecret,
        Optional<String> pushId) {

    public LoginTransaction withAccount(String sub) {
        return new LoginTransaction(id, browser, request, client, requiredLevel, created, Optional.of(sub),
                Optional.empty(), Optional.empty());
    }

    public LoginTransaction withEnrolmentSecret(TotpSecret secret) {
        return new LoginTransaction(id, browser, request, client, requiredLevel, created, accountSub,
                Optional.of(secret), pushId);
    }

    public LoginTransaction withPush(String id) {
        return new LoginTransaction(this.id, browser, request, client, requiredLevel, created, accountSub, enrolmentSecret,
                Optional.of(id));
    }

    /** The relying party's ui_locales, for the page language. */
    public List<String> uiLocales() {
        return request.getUILocales() == null ? List.of()
                : request.getUILocales().stream().map(l -> l.toString()).toList();
    }
}
