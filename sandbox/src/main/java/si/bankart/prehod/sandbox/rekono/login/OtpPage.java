package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.factor.Factor;
import si.bankart.prehod.sandbox.rekono.factor.FactorLocks;
import si.bankart.prehod.sandbox.rekono.factor.TotpVerifier;

/** "Enkratno geslo": the six-digit code from the authenticator app enrolled for the account. */
public final class OtpPage extends HttpServlet {

    private final LoginJourney journey;
    private final TotpVerifier verifier;
    private final LoginCompletion completion;
    private final FactorLocks locks;

    public OtpPage(LoginJourney journey, TotpVerifier verifier, LoginCompletion completion, FactorLocks locks) {
        this.journey = journey;
        this.verifier = verifier;
        this.completion = completion;
        this.locks = locks;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LoginTransaction> tx = journey.transaction(request, response);
        if (tx.isEmpty()) {
            return;
        }
        Optional<Account> account = journey.account(tx.get(), response);
        if (account.isPresent() && !FactorLockedPage.showIfLocked(journey, locks, request, response, tx.get(),
                account.get(), Factor.OTP)) {
            show(request, response, HttpServletResponse.SC_OK, tx.get(), "");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LoginTransaction> found = journey.transaction(request, response);
        if (found.isEmpty()) {
            return;
        }
        LoginTransaction tx = found.get();
        Optional<Account> account = journey.account(tx, response);
        if (account.isEmpty()) {
            return;
        }
        if (account.get().totpSecret().isEmpty()
                || !Factor.reaching(account.get().trustLevel(), tx.requiredLevel()).contains(Factor.OTP)) {
            response.sendRedirect(LoginJourney.pageUrl("confirm", tx));
            return;
        }
        if (FactorLockedPage.showIfLocked(journey, locks, request, response, tx, account.get(), Factor.OTP)) {
            return;
        }
        if (verifier.verify(account.get().sub(), account.get().totpSecret().get(), request.getParameter("code"))) {
            locks.accepted(account.get().sub(), Factor.OTP);
            completion.finish(request, response, tx, account.get(), Factor.OTP);
        } else if (locks.wrongCode(account.get().sub(), Factor.OTP).isPresent()) {
            FactorLockedPage.showIfLocked(journey, locks, request, response, tx, account.get(), Factor.OTP);
        } else {
            show(request, response, HttpServletResponse.SC_UNAUTHORIZED, tx, "otp.wrong");
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, LoginTransaction tx,
            String error) throws IOException {
        journey.render(request, response, status, tx, "otp",
                Map.of("error", error, "confirmUrl", LoginJourney.pageUrl("confirm", tx)));
    }
}
