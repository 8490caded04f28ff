package si.bankart.prehod.web.management;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import si.bankart.prehod.health.Readiness;
import si.bankart.prehod.health.ReadinessReport;

/**
 * {@code GET /health/ready}: every readiness check with its state and detail, 200 when the node may take logins and
 * 503 when one check is DOWN (a load balancer then takes the node out).
 */
public final class ReadinessEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient Readiness readiness;

    public ReadinessEndpoint(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReadinessReport report = readiness.check();
        ObjectNode body = JSON.createObjectNode();
        body.put("status", report.state().name());
        ObjectNode checks = body.putObject("checks");
        for (ReadinessReport.Entry entry : report.entries()) {
            checks.putObject(entry.name())
                    .put("state", entry.report().state().name())
                    .put("detail", entry.report().detail());
        }
        JsonAnswer.write(response, report.ready() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                JSON.writeValueAsString(body));
    }
}
