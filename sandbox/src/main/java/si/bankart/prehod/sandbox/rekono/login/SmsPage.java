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
import si.bankart.prehod.sandbox.rekono.factor.SmsCodes;

/** "SMS koda": the code sent to the account's mobile, with a button to send a new one. */
public final class SmsPage extends HttpServlet {

    private final LoginJourney journey;
    private final SmsCodes codes;
    private final LoginCompletion completion;
    private final FactorLocks locks;

    public SmsPage(LoginJourney journey, SmsCodes codes, LoginCompletion completion, FactorLocks locks) {
        this.journey = journey;
        this.codes = codes;
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
                account.get(), Factor.SMS)) {
            show(request, response, HttpServletResponse.SC_OK, tx.get(), account.get(), "");
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
        if (!Factor.reaching(account.get().trustLevel(), tx.requiredLevel()).contains(Factor.SMS)) {
            response.sendRedirect(LoginJourney.pageUrl("confirm", tx));
            return;
        }
        if (FactorLockedPage.showIfLocked(journey, locks, request, response, tx, account.get(), Factor.SMS)) {
            return;
        }
        if (request.getParameter("resend") != null) {
            codes.send(tx.id(), account.get());
            show(request, response, HttpServletResponse.SC_OK, tx, account.get(), "sms.resent");
            return;
        }
        SmsCodes.Check check = codes.check(tx.id(), request.getParameter("code"));
        if (check == SmsCodes.Check.ACCEPTED) {
            locks.accepted(account.get().sub(), Factor.SMS);
        } else if ((check == SmsCodes.Check.WRONG || check == SmsCodes.Check.NO_TRIES_LEFT)
                && locks.wrongCode(account.get().sub(), Factor.SMS).isPresent()) {
            FactorLockedPage.showIfLocked(journey, locks, request, response, tx, account.get(), Factor.SMS);
            return;
        }
        switch (check) {
            case ACCEPTED -> completion.finish(request, response, tx, account.get(), Factor.SMS);
            case WRONG -> show(request, response, HttpServletResponse.SC_UNAUTHORIZED, tx, account.get(), "sms.wrong");
            case EXPIRED -> show(request, response, HttpServletResponse.SC_UNAUTHORIZED, tx, account.get(), "sms.expired");
            case NO_TRIES_LEFT ->
                    show(request, response, HttpServletResponse.SC_UNAUTHORIZED, tx, account.get(), "sms.exhausted");
            case NOT_SENT -> show(request, response, HttpServletResponse.SC_BAD_REQUEST, tx, account.get(), "sms.notSent");
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, LoginTransaction tx,
            Account account, String message) throws IOException {
        journey.render(request, response, status, tx, "sms", Map.of("mobile", account.mobile().masked(),
                "message", message, "triesLeft", codes.triesLeft(tx.id()), "confirmUrl", LoginJourney.pageUrl("confirm", tx)));
    }
}
