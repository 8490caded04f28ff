package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
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

  public LoginJourney(LoginTransactions transactions, AccountStore accounts, PageRenderer renderer) {
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
      renderer.render(request, response, HttpServletResponse.SC_BAD_REQUEST, "expired", Map.of(), List.of());
    }
    return tx;
  }

  /**
   * The account whose password was accepted in this transaction; when there is none, the browser has been sent back
   * to the login window.
   */
  public Optional<Account> account(LoginTransaction tx, HttpServletResponse response) throws IOException {
    Optional<Account> account = tx.accountSub().flatMap(accounts::bySub);
    if (account.isEmpty()) {
      response.sendRedirect(pageUrl("login", tx));
    }
    return account;
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
