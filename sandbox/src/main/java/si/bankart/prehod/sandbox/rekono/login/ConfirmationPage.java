package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.factor.Factor;
import si.bankart.prehod.sandbox.rekono.factor.PushApprovals;
import si.bankart.prehod.sandbox.rekono.factor.SmsCodes;
import si.bankart.prehod.sandbox.rekono.oidc.ProviderEndpoints;

/**
 * The confirmation window ("Potrditev prijave"): the user picks a second factor among those the account's trust level
 * allows. Factors that cannot reach the level the relying party asked for are shown but cannot be chosen; the choice is
 * checked again here, never taken from the form on trust. When no factor of the account reaches the level, the page
 * says so and offers the way back to the relying party.
 */
public final class ConfirmationPage extends HttpServlet {

    /** One row of the factor list. */
    public record Choice(String id, boolean reaches) {}

    private final LoginJourney journey;
    private final SmsCodes sms;
    private final PushApprovals push;
    private final ProviderEndpoints endpoints;

    public ConfirmationPage(LoginJourney journey, SmsCodes sms, PushApprovals push, ProviderEndpoints endpoints) {
        this.journey = journey;
        this.sms = sms;
        this.push = push;
        this.endpoints = endpoints;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AccountStep> step = journey.accountStep(request, response);
        if (step.isEmpty()) {
            return;
        }
        LoginTransaction tx = step.get().tx();
        Account account = step.get().account();
        if (Factor.reaching(account.trustLevel(), tx.requiredLevel()).isEmpty()) {
            // Not silently downgraded: the user learns why, and the relying party gets unmet_authentication_requirements.
            journey.render(request, response, HttpServletResponse.SC_FORBIDDEN, tx, "unmet", Map.of(
                    "accountLevel", account.trustLevel(), "requiredLevel", tx.requiredLevel(),
                    "returnUrl", LoginJourney.pageUrl("cancel", tx) + "&reason=unmet"));
            return;
        }
        show(request, response, HttpServletResponse.SC_OK, tx, account);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AccountStep> step = journey.accountStep(request, response);
        if (step.isEmpty()) {
            return;
        }
        LoginTransaction tx = step.get().tx();
        Account account = step.get().account();
        Optional<Factor> factor = Factor.fromId(request.getParameter("factor"))
                .filter(f -> Factor.reaching(account.trustLevel(), tx.requiredLevel()).contains(f));
        if (factor.isEmpty()) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, tx, account);
            return;
        }
        switch (factor.get()) {
            case SMS -> {
                sms.send(tx.id(), account);
                response.sendRedirect(LoginJourney.pageUrl("sms", tx));
            }
            case OTP -> response.sendRedirect(
                    LoginJourney.pageUrl(account.totpSecret().isPresent() ? "otp" : "otp/enrol", tx));
            case PUSH -> {
                journey.transactions().save(tx.withPush(push.create(account, tx.client().name()).id()));
                response.sendRedirect(LoginJourney.pageUrl("push", tx));
            }
            case CERTIFICATE -> response.sendRedirect(endpoints.certificateLogin() + LoginJourney.txQuery(tx));
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, LoginTransaction tx,
            Account account) throws IOException {
        List<Factor> reaching = Factor.reaching(account.trustLevel(), tx.requiredLevel());
        List<Choice> choices = Arrays.stream(Factor.values()).filter(f -> f.allowedAt(account.trustLevel()))
                .map(f -> new Choice(f.id(), reaching.contains(f))).toList();
        journey.render(request, response, status, tx, "confirm", Map.of(
                "email", account.email(), "choices", choices, "accountLevel", account.trustLevel(),
                "requiredLevel", tx.requiredLevel(), "error", status == HttpServletResponse.SC_OK ? "" : "confirm.choose"));
    }
}
