package si.bankart.prehod.sandbox.rekono.login;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.factor.PushApprovals;
import si.bankart.prehod.sandbox.rekono.factor.PushRequest;
import si.bankart.prehod.sandbox.rekono.web.BrowserCookie;

/** What the push page's script polls: {"status":"PENDING|APPROVED|DENIED|EXPIRED"} for the transaction's request. */
public final class PushStatusEndpoint extends HttpServlet {

    private final LoginTransactions transactions;
    private final PushApprovals approvals;

    public PushStatusEndpoint(LoginTransactions transactions, PushApprovals approvals) {
        this.transactions = transactions;
        this.approvals = approvals;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PushRequest> push = transactions.find(request.getParameter("tx"), BrowserCookie.read(request))
                .flatMap(LoginTransaction::pushId).flatMap(approvals::find);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        if (push.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write("{\"status\":\"UNKNOWN\"}");
            return;
        }
        response.getWriter().write("{\"status\":\"" + push.get().status().name() + "\"}");
    }
}
