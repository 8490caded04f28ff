package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.factor.ClientCertificateCheck;
import si.bankart.prehod.sandbox.rekono.factor.Factor;

/**
 * "Digitalno potrdilo", on the certificate port: the TLS client certificate must validate and be the one linked to the
 * account whose password was accepted. Any other outcome is a page saying which, with the way back to the
 * confirmation window.
 */
public final class CertificatePage extends HttpServlet {

    private static final String CERTIFICATE_ATTRIBUTE = "javax.servlet.request.X509Certificate";

    private final LoginJourney journey;
    private final ClientCertificateCheck check;
    private final LoginCompletion completion;
    private final String mainBase;

    /** {@code mainBase} is the issuer (on the main port), where the way back to the confirmation window leads. */
    public CertificatePage(LoginJourney journey, ClientCertificateCheck check, LoginCompletion completion,
            String mainBase) {
        this.journey = journey;
        this.check = check;
        this.completion = completion;
        this.mainBase = mainBase;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<AccountStep> step = journey.accountStep(request, response);
        if (step.isEmpty()) {
            return;
        }
        LoginTransaction tx = step.get().tx();
        Account account = step.get().account();
        if (!Factor.reaching(account.trustLevel(), tx.requiredLevel()).contains(Factor.CERTIFICATE)) {
            response.sendRedirect(mainBase + "confirm" + LoginJourney.txQuery(tx));
            return;
        }
        Object attribute = request.getAttribute(CERTIFICATE_ATTRIBUTE);
        List<X509Certificate> chain = attribute instanceof X509Certificate[] certs ? Arrays.asList(certs) : List.of();
        ClientCertificateCheck.Outcome outcome = check.check(chain, account);
        if (outcome == ClientCertificateCheck.Outcome.ACCEPTED) {
            completion.finish(request, response, tx, account, Factor.CERTIFICATE);
            return;
        }
        journey.render(request, response, HttpServletResponse.SC_FORBIDDEN, tx, "certificate", Map.of(
                "outcome", outcome.name(),
                "subject", chain.isEmpty() ? "" : chain.get(0).getSubjectX500Principal().getName(),
                "confirmUrl", mainBase + "confirm" + LoginJourney.txQuery(tx),
                "cancelUrl", mainBase + "cancel" + LoginJourney.txQuery(tx)));
    }
}
