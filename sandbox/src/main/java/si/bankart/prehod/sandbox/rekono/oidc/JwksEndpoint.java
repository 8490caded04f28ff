package si.bankart.prehod.sandbox.rekono.oidc;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** GET {issuer}jwk: the public signing keys, current and recently rotated out. */
public final class JwksEndpoint extends HttpServlet {

    private final SigningKeys keys;

    public JwksEndpoint(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/jwk-set+json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getWriter().write(keys.publicSet().toString());
    }
}
