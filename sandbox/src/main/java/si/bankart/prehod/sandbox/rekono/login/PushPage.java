package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.factor.Factor;
import si.bankart.prehod.sandbox.rekono.factor.PushApprovals;
import si.bankart.prehod.sandbox.rekono.factor.PushRequest;

/**
 * "Potisno obvestilo": waits for the phone to answer. GET shows the state; POST ("Nadaljuj", or the polling script once
 * the state changed) completes an approved login. Without JavaScript the button is the way on.
 */
public final class PushPage extends HttpServlet {

    private final LoginJourney journey;
    private final PushApprovals approvals;
    private final LoginCompletion completion;

    public PushPage(LoginJourney journey, PushApprovals approvals, LoginCompletion completion) {
        this.journey = journey;
        this.approvals = approvals;
        this.completion = completion;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean proceed) throws IOException {
        Optional<AccountStep> step = journey.accountStep(request, response);
        if (step.isEmpty()) {
            return;
        }
        LoginTransaction tx = step.get().tx();
        Account account = step.get().account();
        Optional<PushRequest> push = tx.pushId().flatMap(approvals::find)
                .filter(p -> p.accountSub().equals(account.sub()));
        if (push.isEmpty() || !Factor.reaching(account.trustLevel(), tx.requiredLevel()).contains(Factor.PUSH)) {
            response.sendRedirect(LoginJourney.pageUrl("confirm", tx));
            return;
        }
        PushRequest.Status status = push.get().status();
        if (proceed && status == PushRequest.Status.APPROVED) {
            approvals.consume(push.get().id());
            completion.finish(request, response, tx, account, Factor.PUSH);
            return;
        }
        int httpStatus = switch (status) {
            case DENIED, EXPIRED -> HttpServletResponse.SC_UNAUTHORIZED;
            default -> HttpServletResponse.SC_OK;
        };
        journey.render(request, response, httpStatus, tx, "push", Map.of(
                "status", status.name(), "expires", push.get().expires().toString(),
                "statusUrl", LoginJourney.pageUrl("push/status", tx), "pushUrl", LoginJourney.pageUrl("push", tx),
                "confirmUrl", LoginJourney.pageUrl("confirm", tx)));
    }
}
