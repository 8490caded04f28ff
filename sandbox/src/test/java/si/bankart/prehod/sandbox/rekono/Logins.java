package si.bankart.prehod.sandbox.rekono;

import com.nimbusds.oauth2.sdk.TokenResponse;
import java.util.Map;

/** The demo accounts of sandbox/conf/rekono-accounts.yaml and complete logins with them. */
public final class Logins {

    /** A demo account as a person would use it. */
    public record Demo(String email, String password, String sub, String totpSecret) {}

    public static final Demo ANA = new Demo("ana.kovac@example.si", "Ana-Sandbox-2025", "rk-100001", null);
    public static final Demo MARKO =
            new Demo("marko.horvat@example.si", "Marko-Sandbox-2025", "rk-200002", "JVQXE23PEBEG64TWMF2CA43BNZSGE33Y");
    public static final Demo JANEZ =
            new Demo("janez.novak@example.si", "Janez-Sandbox-2025", "rk-300003", "JJQW4ZL2EBHG65TBNMQHGYLOMRRG66BB");
    public static final Demo TUJEC =
            new Demo("tujec@example.si", "Tujec-Sandbox-2025", "rk-900009", "KR2WUZLDEBZWC3TEMJXXQIDTMVRXEZLU");

    private Logins() {}

    /** Password, then the one-time password; returns the redirect to the relying party. */
    public static Browser.Page otpRedirect(RekonoHarness rekono, Browser browser, RelyingParty.Start start, Demo who) {
        Browser.Page confirmation = rekono.toConfirmation(browser, start, who.email(), who.password());
        Browser.Page otp = browser.follow(rekono.choose(browser, confirmation.tx(), "otp"));
        return browser.post(rekono.page("otp"),
                Map.of("tx", otp.tx(), "code", TotpCodes.at(who.totpSecret(), rekono.clock.instant())));
    }

    /** A whole login with password and OTP, ending in the token response for the code. */
    public static TokenResponse withOtp(RekonoHarness rekono, RelyingParty.Start start, Demo who) {
        Browser.Page back = otpRedirect(rekono, rekono.browser(), start, who);
        return rekono.idp().redeem(RekonoHarness.code(back, start), start.verifier());
    }
}
