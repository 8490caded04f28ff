package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.http.ServletUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.client.ClientRegistry;
import si.bankart.prehod.sandbox.rekono.client.RegisteredClient;
import si.bankart.prehod.sandbox.rekono.factor.TrustAcr;
import si.bankart.prehod.sandbox.rekono.login.LoginJourney;
import si.bankart.prehod.sandbox.rekono.login.LoginTransaction;
import si.bankart.prehod.sandbox.rekono.login.LoginTransactions;
import si.bankart.prehod.sandbox.rekono.web.BrowserCookie;
import si.bankart.prehod.sandbox.rekono.web.PageRenderer;
import si.bankart.prehod.sandbox.rekono.web.SessionCookie;

/**
 * {issuer}authorize, code flow only. Until the client and its exact redirect_uri are known, every error is a page
 * (RFC 6749 §4.1.2.1: never redirect to an unverified URI); after that, errors go back to the relying party with the
 * state. PKCE with S256 is required. An OP session that satisfies prompt, max_age and acr_values answers at once;
 * otherwise the login window opens.
 */
public final class AuthorizeEndpoint extends HttpServlet {

    private final ClientRegistry clients;
    private final OpSessions sessions;
    private final LoginTransactions transactions;
    private final AuthorizationResponder responder;
    private final PageRenderer renderer;
    private final Clock clock;
    private final SecureRandom random;

    public AuthorizeEndpoint(ClientRegistry clients, OpSessions sessions, LoginTransactions transactions,
            AuthorizationResponder responder, PageRenderer renderer, Clock clock, SecureRandom random) {
        this.clients = clients;
        this.sessions = sessions;
        this.transactions = transactions;
        this.responder = responder;
        this.renderer = renderer;
        this.clock = clock;
        this.random = random;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuthenticationRequest ar;
        try {
            ar = AuthenticationRequest.parse(ServletUtils.createHTTPRequest(request));
        } catch (ParseException e) {
            refuseUnparsable(request, response, e);
            return;
        }
        Optional<RegisteredClient> client = clients.find(ar.getClientID());
        if (client.isEmpty()) {
            errorPage(request, response, "authorize.unknownClient", ar.getClientID().getValue());
            return;
        }
        if (!client.get().hasRedirectUri(ar.getRedirectionURI())) {
            errorPage(request, response, "authorize.badRedirectUri", String.valueOf(ar.getRedirectionURI()));
            return;
        }
        Optional<ErrorObject> refusal = refusal(ar);
        if (refusal.isPresent()) {
            response.sendRedirect(responder.error(ar, refusal.get()).toString());
            return;
        }
        int required = TrustAcr.requiredBy(ar.getACRValues() == null ? List.of()
                : ar.getACRValues().stream().map(a -> a.getValue()).toList());
        Optional<OpSessions.OpSession> session = SessionCookie.read(request).flatMap(sessions::find)
                .filter(s -> satisfies(s, ar, required));
        Prompt prompt = ar.getPrompt();
        if (session.isPresent()) {
            response.sendRedirect(responder.success(ar, session.get()).toString());
        } else if (prompt != null && prompt.contains(Prompt.Type.NONE)) {
            response.sendRedirect(responder.error(ar, OIDCError.LOGIN_REQUIRED).toString());
        } else {
            LoginTransaction tx = transactions.open(ar, client.get(), required,
                    BrowserCookie.ensure(request, response, random));
            // prompt=create (Initiating User Registration via OpenID Connect 1.0 §3): registration first, then this same
            // request is answered for the new account, as if it had logged in.
            boolean create = prompt != null && prompt.contains(Prompt.Type.CREATE);
            response.sendRedirect(LoginJourney.pageUrl(create ? "register" : "login", tx));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    /** What the stand-in refuses in a request from a known client to a registered redirect_uri, in this order. */
    private static Optional<ErrorObject> refusal(AuthenticationRequest ar) {
        if (ar.getRequestObject() != null) {
            return Optional.of(OAuth2Error.REQUEST_NOT_SUPPORTED);
        }
        if (ar.getRequestURI() != null) {
            return Optional.of(OAuth2Error.REQUEST_URI_NOT_SUPPORTED);
        }
        if (!ResponseType.CODE.equals(ar.getResponseType())) {
            return Optional.of(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("Only response_type=code is supported"));
        }
        if (ar.getResponseMode() != null && !ResponseMode.QUERY.equals(ar.getResponseMode())) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("Only response_mode=query is supported"));
        }
        // OAuth 2.0 Security BCP §2.1.1: PKCE for every client; "plain" gives no protection if the request leaks.
        if (ar.getCodeChallenge() == null) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("PKCE code_challenge is required"));
        }
        if (!CodeChallengeMethod.S256.equals(ar.getCodeChallengeMethod())) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("code_challenge_method must be S256"));
        }
        return Optional.empty();
    }

    /** An OP session answers without a login unless prompt=login, max_age has passed or a higher acr is needed. */
    private boolean satisfies(OpSessions.OpSession session, AuthenticationRequest ar, int requiredLevel) {
        // A user asking to create an account gets registration even while logged in as someone else.
        if (ar.getPrompt() != null && (ar.getPrompt().contains(Prompt.Type.LOGIN) || ar.getPrompt().contains(Prompt.Type.CREATE))) {
            return false;
        }
        Authentication authn = session.authentication();
        // max_age=0 asks for a fresh login, like prompt=login (OIDC Core §3.1.2.1).
        if (ar.getMaxAge() == 0
                || ar.getMaxAge() > 0 && Duration.between(authn.authTime(), clock.instant()).getSeconds() > ar.getMaxAge()) {
            return false;
        }
        return authn.trustLevel() >= requiredLevel;
    }

    /** A request Nimbus could not parse is answered at the client only if the URI it names is registered for it. */
    private void refuseUnparsable(HttpServletRequest request, HttpServletResponse response, ParseException e)
            throws IOException {
        Optional<RegisteredClient> client = clients.find(e.getClientID());
        if (client.isPresent() && client.get().hasRedirectUri(e.getRedirectionURI()) && e.getErrorObject() != null) {
            response.sendRedirect(new AuthenticationErrorResponse(e.getRedirectionURI(), e.getErrorObject(), e.getState(),
                    ResponseMode.QUERY).toURI().toString());
            return;
        }
        errorPage(request, response, "authorize.invalid", e.getMessage());
    }

    private void errorPage(HttpServletRequest request, HttpServletResponse response, String message, String detail)
            throws IOException {
        renderer.render(request, response, HttpServletResponse.SC_BAD_REQUEST, "error",
                Map.of("message", message, "detail", detail), List.of());
    }
}
