package si.bankart.prehod.sandbox.rekono.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.factor.PushApprovals;
import si.bankart.prehod.sandbox.rekono.factor.PushRequest;
import si.bankart.prehod.sandbox.rekono.web.PageRenderer;

/**
 * /device, the sandbox's stand-in for the Rekono mobile app: lists pending push requests of every account with
 * Approve and Deny buttons. POST id and decision=approve|deny decides one. ?format=json lists them for tests.
 */
public final class DevicePage extends HttpServlet {

    /** A pending request as the page and the JSON list show it (public: Velocity calls its accessors). */
    public record Pending(String id, String email, String client, String created, String expires) {
        static Pending of(PushRequest r) {
            return new Pending(r.id(), r.email(), r.clientName(), r.created().toString(), r.expires().toString());
        }

        /** The expiry in Slovenian local time, for people. */
        public String expiresLocal() {
            return LOCAL_TIME.format(Instant.parse(expires));
        }
    }

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/Ljubljana"));

    private final PushApprovals approvals;
    private final PageRenderer renderer;
    private final ObjectMapper json = new ObjectMapper();

    public DevicePage(PushApprovals approvals, PageRenderer renderer) {
        this.approvals = approvals;
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Pending> pending = approvals.pending().stream().map(Pending::of).toList();
        if ("json".equals(request.getParameter("format"))) {
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-store");
            json.writeValue(response.getOutputStream(), pending);
            return;
        }
        renderer.render(request, response, HttpServletResponse.SC_OK, "device",
                Map.of("pending", pending, "decided", String.valueOf(request.getParameter("decided"))), List.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String decision = request.getParameter("decision");
        if (!"approve".equals(decision) && !"deny".equals(decision)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "decision must be approve or deny");
            return;
        }
        boolean decided = approvals.decide(request.getParameter("id"), "approve".equals(decision));
        if (!decided) {
            renderer.render(request, response, HttpServletResponse.SC_CONFLICT, "device",
                    Map.of("pending", approvals.pending().stream().map(Pending::of).toList(), "decided", "gone"), List.of());
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/device?decided=" + decision);
    }
}
