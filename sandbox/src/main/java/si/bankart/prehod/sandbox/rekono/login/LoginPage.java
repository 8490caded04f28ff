package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.PasswordLogin;

/**
 * The login window ("Prijava"): e-mail and password. An accepted password leads to the confirmation window.
 */
public final class LoginPage extends HttpServlet {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LoginJourney journey;
    private final PasswordLogin passwordLogin;
    private final Clock clock;

    public LoginPage(LoginJourney journey, PasswordLogin passwordLogin, Clock clock) {
        this.journey = journey;
        this.passwordLogin = passwordLogin;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LoginTransaction> tx = journey.transaction(request, response);
        if (tx.isPresent()) {
            String hint = tx.get().request().getLoginHint();
            show(request, response, HttpServletResponse.SC_OK, tx.get(), hint == null ? "" : hint, Map.of());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LoginTransaction> found = journey.transaction(request, response);
        if (found.isEmpty()) {
            return;
        }
        LoginTransaction tx = found.get();
        String email = Optional.ofNullable(request.getParameter("email")).orElse("").trim();
        PasswordLogin.Outcome outcome = passwordLogin.attempt(email, request.getParameter("password"));
        if (outcome instanceof PasswordLogin.Locked locked) {
            long minutes = Math.max(1, (Duration.between(clock.instant(), locked.until()).toSeconds() + 59) / 60);
            show(request, response, HttpServletResponse.SC_FORBIDDEN, tx, email, Map.of("error", "login.locked",
                    "lockedMinutes", minutes, "lockedUntil", TIME.format(locked.until().atZone(ZoneId.of("Europe/Ljubljana")))));
        } else if (outcome instanceof PasswordLogin.Accepted accepted) {
            journey.transactions().save(tx.withAccount(accepted.account().sub()));
            response.sendRedirect(LoginJourney.pageUrl("confirm", tx));
        } else {
            show(request, response, HttpServletResponse.SC_UNAUTHORIZED, tx, email, Map.of("error", "login.wrong"));
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, LoginTransaction tx,
            String email, Map<String, ?> extra) throws IOException {
        var model = new HashMap<String, Object>(extra);
        model.put("email", email);
        model.put("registerUrl", LoginJourney.pageUrl("register", tx));
        model.putIfAbsent("error", "");
        journey.render(request, response, status, tx, "login", model);
    }
}
