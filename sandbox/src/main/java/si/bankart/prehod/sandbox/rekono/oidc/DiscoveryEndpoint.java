package si.bankart.prehod.sandbox.rekono.oidc;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** GET {issuer}.well-known/openid-configuration. */
public final class DiscoveryEndpoint extends HttpServlet {

    private final String json;

    public DiscoveryEndpoint(OIDCProviderMetadata metadata) {
        this.json = metadata.toJSONObject().toJSONString();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getWriter().write(json);
    }
}
