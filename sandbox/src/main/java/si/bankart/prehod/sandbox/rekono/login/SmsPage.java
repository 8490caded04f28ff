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
        Optional<AccountStep> step = journey.accountStep(request, response);
        if (step.isPresent() && !FactorLockedPage.showIfLocked(journey, locks, request, response, step.get().tx(),
                step.get().account(), Factor.SMS)) {
            show(request, response, HttpServletResponse.SC_OK, step.get().tx(), step.get().account(), "");
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
        if (!Factor.reaching(account.trustLevel(), tx.requiredLevel()).contains(Factor.SMS)) {
            response.sendRedirect(LoginJourney.pageUrl("confirm", tx));
            return;
        }
        if (FactorLockedPage.showIfLocked(journey, locks, request, response, tx, account, Factor.SMS)) {
            return;
        }
        if (request.getParameter("resend") != null) {
            codes.send(tx.id(), account);
            show(request, response, HttpServletResponse.SC_OK, tx, account, "sms.resent");
            return;
        }
        SmsCodes.Check check = codes.check(tx.id(), request.getParameter("code"));
        if (check == SmsCodes.Check.ACCEPTED) {
            locks.accepted(account.sub(), Factor.SMS);
        } else if ((check == SmsCodes.Check.WRONG || check == SmsCodes.Check.NO_TRIES_LEFT)
                && locks.wrongCode(account.sub(), Factor.SMS).isPresent()) {
            FactorLockedPage.showIfLocked(journey, locks, request, response, tx, account, Factor.SMS);
            return;
        }
        switch (check) {
            case ACCEPTED -> completion.finish(request, response, tx, account, Factor.SMS);
            case WRONG -> show(request, response, HttpServletResponse.SC_UNAUTHORIZED, tx, account, "sms.wrong");
            case EXPIRED -> show(request, response, HttpServletResponse.SC_UNAUTHORIZED, tx, account, "sms.expired");
            case NO_TRIES_LEFT ->
                    show(request, response, HttpServletResponse.SC_UNAUTHORIZED, tx, account, "sms.exhausted");
            case NOT_SENT -> show(request, response, HttpServletResponse.SC_BAD_REQUEST, tx, account, "sms.notSent");
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, LoginTransaction tx,
            Account account, String message) throws IOException {
        journey.render(request, response, status, tx, "sms", Map.of("mobile", account.mobile().masked(),
                "message", message, "triesLeft", codes.triesLeft(tx.id()), "confirmUrl", LoginJourney.pageUrl("confirm", tx)));
    }
}
