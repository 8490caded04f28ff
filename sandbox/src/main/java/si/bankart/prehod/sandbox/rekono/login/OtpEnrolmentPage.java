package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.factor.Factor;
import si.bankart.prehod.sandbox.rekono.factor.QrCodeSvg;
import si.bankart.prehod.sandbox.rekono.factor.TotpSecret;
import si.bankart.prehod.sandbox.rekono.factor.TotpVerifier;
import si.bankart.prehod.sandbox.rekono.web.TrustedHtml;

/**
 * Enrols an authenticator app for an account that has none: shows a new secret as a QR code, an otpauth:// URI and
 * base32 text, and keeps it only when the user proves the app works by typing a code from it. That code also completes
 * the login.
 */
public final class OtpEnrolmentPage extends HttpServlet {

    static final String ISSUER = "Rekono";

    private final LoginJourney journey;
    private final TotpVerifier verifier;
    private final LoginCompletion completion;
    private final SecureRandom random;

    public OtpEnrolmentPage(LoginJourney journey, TotpVerifier verifier, LoginCompletion completion,
            SecureRandom random) {
        this.journey = journey;
        this.verifier = verifier;
        this.completion = completion;
        this.random = random;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean submitted)
            throws IOException {
        Optional<AccountStep> step = journey.accountStep(request, response);
        if (step.isEmpty()) {
            return;
        }
        LoginTransaction tx = step.get().tx();
        Account account = step.get().account();
        if (account.totpSecret().isPresent()
                || !Factor.reaching(account.trustLevel(), tx.requiredLevel()).contains(Factor.OTP)) {
            response.sendRedirect(LoginJourney.pageUrl("confirm", tx));
            return;
        }
        if (tx.enrolmentSecret().isEmpty()) {
            tx = tx.withEnrolmentSecret(TotpSecret.generate(random));
            journey.transactions().save(tx);
        }
        TotpSecret secret = tx.enrolmentSecret().get();
        if (submitted && verifier.verify(account.sub(), secret, request.getParameter("code"))) {
            Account enrolled = account.withTotpSecret(secret);
            journey.accounts().replace(enrolled);
            completion.finish(request, response, tx, enrolled, Factor.OTP);
            return;
        }
        String uri = secret.otpauthUri(ISSUER, account.email());
        journey.render(request, response, submitted ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_OK, tx,
                "otp-enrol", Map.of("otpauthUri", uri, "secret", secret.base32Grouped(),
                        "qr", new TrustedHtml(QrCodeSvg.of(uri, "QR: " + uri)),
                        "error", submitted ? "otp.wrong" : "", "confirmUrl", LoginJourney.pageUrl("confirm", tx)));
    }
}
