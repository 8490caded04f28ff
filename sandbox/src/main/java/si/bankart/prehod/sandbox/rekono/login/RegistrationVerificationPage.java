package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.Registrations;

/**
 * Takes the code e-mailed at registration. When it matches, the level-1 account exists and, since its password was
 * just set, the login continues in the confirmation window.
 */
public final class RegistrationVerificationPage extends HttpServlet {

    private final LoginJourney journey;
    private final Registrations registrations;

    public RegistrationVerificationPage(LoginJourney journey, Registrations registrations) {
        this.journey = journey;
        this.registrations = registrations;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LoginTransaction> tx = journey.transaction(request, response);
        if (tx.isPresent()) {
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
        Registrations.Verified verified = registrations.verify(request.getParameter("reg"), request.getParameter("code"));
        if (verified.account().isPresent()) {
            journey.transactions().save(tx.withAccount(verified.account().get().sub()));
            response.sendRedirect(LoginJourney.pageUrl("confirm", tx));
            return;
        }
        show(request, response, HttpServletResponse.SC_BAD_REQUEST, tx, "register.verify." + verified.outcome().name());
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, LoginTransaction tx,
            String error) throws IOException {
        String reg = Optional.ofNullable(request.getParameter("reg")).orElse("");
        journey.render(request, response, status, tx, "register-verify", Map.of("reg", reg,
                "email", registrations.emailOf(reg).orElse(""), "error", error,
                "registerUrl", LoginJourney.pageUrl("register", tx)));
    }
}
