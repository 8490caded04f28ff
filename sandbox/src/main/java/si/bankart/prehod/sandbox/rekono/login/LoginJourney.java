package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.client.ClientRegistry;
import si.bankart.prehod.sandbox.rekono.client.RegisteredClient;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.account.AccountStore;
import si.bankart.prehod.sandbox.rekono.web.BrowserCookie;
import si.bankart.prehod.sandbox.rekono.web.PageRenderer;

/**
 * What every login page shares: finding the transaction and its account from the request, and rendering a page with
 * the transaction's language and the common links (cancel, language).
 */
public final class LoginJourney {

    private final LoginTransactions transactions;
    private final AccountStore accounts;
    private final PageRenderer renderer;
    private final ClientRegistry clients;

    public LoginJourney(LoginTransactions transactions, AccountStore accounts, PageRenderer renderer,
            ClientRegistry clients) {
        this.clients = clients;
        this.transactions = transactions;
        this.accounts = accounts;
        this.renderer = renderer;
    }

    public LoginTransactions transactions() {
        return transactions;
    }

    public AccountStore accounts() {
        return accounts;
    }

    /** The request's open transaction; when there is none, the "login expired" page has been sent. */
    public Optional<LoginTransaction> transaction(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<LoginTransaction> tx = transactions.find(request.getParameter("tx"),
                BrowserCookie.read(request));
        if (tx.isEmpty()) {
            renderer.render(request, response, HttpServletResponse.SC_BAD_REQUEST, "expired",
                    Map.of("backLinks", backLinks()), List.of());
        }
        return tx;
    }

    /**
     * Without a transaction the stand-in no longer knows which site sent the user, so it offers each registered one:
     * an OAuth error answer (access_denied, no state) to the client's redirect URI, which the client turns into its own
     * page with a way on, as the real Rekono's "back to the service" does.
     */
    private List<Map<String, String>> backLinks() {
        return clients.all().stream()
                .sorted(java.util.Comparator.comparing(RegisteredClient::name))
                .map(client -> Map.of("name", client.name(), "url", client.redirectUris().stream().map(URI::toString).sorted()
                        .findFirst().orElseThrow() + "?error=access_denied&error_description=login_expired"))
                .toList();
    }

    /**
     * The transaction this request belongs to and the account whose password it accepted: what every factor page
     * starts from. Empty when the answer is already sent: the expired page, or back to the password page when no
     * password was accepted yet.
     */
    public Optional<AccountStep> accountStep(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<LoginTransaction> tx = transaction(request, response);
        if (tx.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> account = tx.get().accountSub().flatMap(accounts::bySub);
        if (account.isEmpty()) {
            response.sendRedirect(pageUrl("login", tx.get()));
            return Optional.empty();
        }
        return Optional.of(new AccountStep(tx.get(), account.get()));
    }

    public void render(HttpServletRequest request, HttpServletResponse response, int status, LoginTransaction tx,
            String page, Map<String, ?> model) throws IOException {
        Map<String, Object> all = new HashMap<>(model);
        all.put("tx", tx.id());
        all.put("clientName", tx.client().name());
        all.putIfAbsent("cancelUrl", pageUrl("cancel", tx));
        renderer.render(request, response, status, page, all, tx.uiLocales());
    }

    public void render(HttpServletRequest request, HttpServletResponse response, LoginTransaction tx, String page,
            Map<String, ?> model) throws IOException {
        render(request, response, HttpServletResponse.SC_OK, tx, page, model);
    }

    /** A login page's path relative to the issuer, with the transaction id. */
    public static String pageUrl(String page, LoginTransaction tx) {
        return "/openid-connect-server-webapp/" + page + txQuery(tx);
    }

    /** "?tx=…", the query every login page carries. */
    public static String txQuery(LoginTransaction tx) {
        return "?tx=" + URLEncoder.encode(tx.id(), StandardCharsets.UTF_8);
    }
}
