package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.ServletUtils;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.client.ClientRegistry;
import si.bankart.prehod.sandbox.rekono.client.RegisteredClient;
import si.bankart.prehod.sandbox.rekono.web.PageRenderer;
import si.bankart.prehod.sandbox.rekono.web.SessionCookie;

/**
 * {issuer}endsession (OIDC RP-Initiated Logout 1.0): ends the OP session. A post_logout_redirect_uri is followed only
 * when an id_token_hint signed by the stand-in names a client that registered exactly that URI (§3); the state is
 * echoed. Any other post_logout_redirect_uri gets an error page and no redirect. The hint may have expired (§2).
 */
public final class EndSessionEndpoint extends HttpServlet {

    private final ClientRegistry clients;
    private final OpSessions sessions;
    private final SigningKeys keys;
    private final String issuer;
    private final PageRenderer renderer;

    public EndSessionEndpoint(ClientRegistry clients, OpSessions sessions, SigningKeys keys, String issuer,
            PageRenderer renderer) {
        this.clients = clients;
        this.sessions = sessions;
        this.keys = keys;
        this.issuer = issuer;
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LogoutRequest logout;
        try {
            logout = LogoutRequest.parse(ServletUtils.createHTTPRequest(request));
        } catch (ParseException e) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, "logout.invalid");
            return;
        }
        Optional<JWTClaimsSet> hint = trustedHint(logout);
        if (logout.getIDTokenHint() != null && hint.isEmpty()) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, "logout.badHint");
            return;
        }
        URI target = logout.getPostLogoutRedirectionURI();
        Optional<RegisteredClient> client = hint.flatMap(c -> c.getAudience().stream().findFirst())
                .flatMap(aud -> clients.find(new ClientID(aud)));
        if (target != null && (client.isEmpty() || !client.get().hasPostLogoutRedirectUri(target))) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, "logout.badRedirectUri");
            return;
        }
        SessionCookie.read(request).ifPresent(sessions::end);
        SessionCookie.clear(response);
        if (target == null) {
            page(request, response, HttpServletResponse.SC_OK, "logout.done");
            return;
        }
        String state = logout.getState() == null ? "" : (target.getQuery() == null ? "?" : "&") + "state="
                + URLEncoder.encode(logout.getState().getValue(), StandardCharsets.UTF_8);
        response.sendRedirect(target + state);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    private Optional<JWTClaimsSet> trustedHint(LogoutRequest logout) {
        if (!(logout.getIDTokenHint() instanceof SignedJWT jwt) || !keys.verifies(jwt)) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return issuer.equals(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        renderer.render(request, response, status, "logout", Map.of("message", message), List.of());
    }
}
