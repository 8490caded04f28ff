package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.PasswordPolicy;
import si.bankart.prehod.sandbox.rekono.account.Registrations;

/**
 * "Ustvari račun": e-mail, password (twice) and mobile number. A valid form sends the e-mail code and leads to the
 * verification page; an invalid one comes back with every problem named.
 */
public final class RegistrationPage extends HttpServlet {

    private final LoginJourney journey;
    private final Registrations registrations;

    public RegistrationPage(LoginJourney journey, Registrations registrations) {
        this.journey = journey;
        this.registrations = registrations;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LoginTransaction> tx = journey.transaction(request, response);
        if (tx.isPresent()) {
            show(request, response, HttpServletResponse.SC_OK, tx.get(), "", "", List.of());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LoginTransaction> tx = journey.transaction(request, response);
        if (tx.isEmpty()) {
            return;
        }
        String email = Optional.ofNullable(request.getParameter("email")).orElse("");
        String mobile = Optional.ofNullable(request.getParameter("mobile")).orElse("");
        Registrations.Started started = registrations.start(email, request.getParameter("password"),
                request.getParameter("password2"), mobile);
        if (started.pendingId().isPresent()) {
            response.sendRedirect(LoginJourney.pageUrl("register/verify", tx.get()) + "&reg="
                    + URLEncoder.encode(started.pendingId().get(), StandardCharsets.UTF_8));
            return;
        }
        show(request, response, HttpServletResponse.SC_BAD_REQUEST, tx.get(), email, mobile, started.problems());
    }

    /** The form field a problem belongs to, so the page can show it there (and name it with aria-describedby). */
    static String field(Registrations.Problem problem) {
        return switch (problem) {
            case EMAIL_INVALID, EMAIL_TAKEN -> "email";
            case PASSWORD_TOO_SHORT, PASSWORD_TOO_COMMON -> "password";
            case PASSWORDS_DIFFER -> "password2";
            case MOBILE_INVALID -> "mobile";
        };
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, LoginTransaction tx,
            String email, String mobile, List<Registrations.Problem> problems) throws IOException {
        // One message per field (the first problem found there), shown under it; the summary links to each field.
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        for (Registrations.Problem problem : problems) {
            fieldErrors.putIfAbsent(field(problem), "register.problem." + problem.name());
        }
        journey.render(request, response, status, tx, "register", Map.of("email", email, "mobile", mobile,
                "problems", problems.stream().map(p -> "register.problem." + p.name()).toList(), "fieldErrors", fieldErrors,
                "minLength", PasswordPolicy.MIN_LENGTH, "loginUrl", LoginJourney.pageUrl("login", tx)));
    }
}
