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
        Optional<AccountStep> step = journey.accountStep(request, response);
        if (step.isPresent() && !FactorLockedPage.showIfLocked(journey, locks, request, response, step.get().tx(),
                step.get().account(), Factor.OTP)) {
            show(request, response, HttpServletResponse.SC_OK, step.get().tx(), "");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AccountStep> step = journey.accountStep(request, response);
        if (step.isEmpty()) {
            return;
        }
        LoginTransaction tx = step.get().tx();
        Account account = step.get().account();
        if (account.totpSecret().isEmpty()
                || !Factor.reaching(account.trustLevel(), tx.requiredLevel()).contains(Factor.OTP)) {
            response.sendRedirect(LoginJourney.pageUrl("confirm", tx));
            return;
        }
        if (FactorLockedPage.showIfLocked(journey, locks, request, response, tx, account, Factor.OTP)) {
            return;
        }
        if (verifier.verify(account.sub(), account.totpSecret().get(), request.getParameter("code"))) {
            locks.accepted(account.sub(), Factor.OTP);
            completion.finish(request, response, tx, account, Factor.OTP);
        } else if (locks.wrongCode(account.sub(), Factor.OTP).isPresent()) {
            FactorLockedPage.showIfLocked(journey, locks, request, response, tx, account, Factor.OTP);
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
