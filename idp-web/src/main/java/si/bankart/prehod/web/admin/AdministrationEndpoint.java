package si.bankart.prehod.web.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.admin.KeyAdministration;
import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.admin.MetadataAdministration;

/**
 * {@code /admin/…} on the management connector (127.0.0.1 unless management.bindAddress says otherwise, and then behind
 * management.bearerToken): what {@code ./prehod metadata list|reload} and
 * {@code ./prehod keys status|next|activate|retire} ask a running IdP. Answers text/plain, one line per item; a step
 * that is not possible now (activate without a next key) is 409 with the reason.
 */
public final class AdministrationEndpoint extends HttpServlet {

    public static final String PATH = "/admin/*";
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(AdministrationEndpoint.class);

    private final transient MetadataAdministration metadata;
    private final transient KeyAdministration keys;

    public AdministrationEndpoint(MetadataAdministration metadata, KeyAdministration keys) {
        this.metadata = metadata;
        this.keys = keys;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/metadata" -> answer(request, response, metadata::list);
            case "/keys" -> answer(request, response, keys::status);
            default -> response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/metadata/reload" -> answer(request, response, metadata::reload);
            case "/keys/next" -> answer(request, response,
                    () -> keys.next(Optional.ofNullable(request.getParameter("pkcs11Alias"))));
            case "/keys/activate" -> answer(request, response, keys::activate);
            case "/keys/retire" -> answer(request, response, keys::retire);
            default -> response.sendError(404);
        }
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Supplier<List<String>> action)
            throws IOException {
        List<String> lines;
        try {
            lines = action.get();
            log.info("administration: {} {} done", request.getMethod(), request.getPathInfo());
        } catch (IllegalStateException | IllegalArgumentException | ConfigException e) {
            // ConfigException too: a step refused for a reason the administrator can fix (no NEXT key, no such label)
            response.setStatus(409);
            lines = List.of(e.getMessage());
        }
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
