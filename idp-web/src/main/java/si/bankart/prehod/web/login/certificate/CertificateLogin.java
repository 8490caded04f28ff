package si.bankart.prehod.web.login.certificate;

import java.util.List;

import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.login.MethodDescription;
import si.bankart.prehod.login.certificate.CertificateHandBacks;
import si.bankart.prehod.login.certificate.CertificateMethod;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.LoginMethodEndpoint;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.routes.Route;

/**
 * Log in with a bank certificate: {@code /idp/login/certificate} on the main connector explains what will happen and
 * links to the same path on the certificate connector, whose TLS handshake asks the browser for a client certificate;
 * that connector verifies it and hands the result back to {@code /idp/login/certificate/done} on the main connector,
 * where the browser's login-binding cookie is checked before the login completes.
 */
public final class CertificateLogin implements LoginMethodEndpoint {

    public static final String PATH = "/idp/login/certificate";

    private final CertificateMethod method;
    private final String certificateUrl;
    private final String methodChoiceUrl;
    private final Pages pages;
    private final ErrorPage errorPage;
    private final RandomIds ids;
    private final AccountLinking linking;
    private final CertificateHandBacks handBacks;

    /**
     * @param certificateUrl  the absolute URL of {@link #PATH} on the certificate connector
     * @param methodChoiceUrl the absolute URL of the method choice on the main connector, to come back to
     * @param linking         links a waiting Rekono account to the certificate's user ({@code &link=1}), or null
     * @param handBacks       where the certificate connector leaves what it verified for the main connector
     */
    public CertificateLogin(CertificateMethod method, String certificateUrl, String methodChoiceUrl, Pages pages,
            ErrorPage errorPage, RandomIds ids, AccountLinking linking, CertificateHandBacks handBacks) {
        this.method = method;
        this.certificateUrl = certificateUrl;
        this.methodChoiceUrl = methodChoiceUrl;
        this.pages = pages;
        this.errorPage = errorPage;
        this.ids = ids;
        this.linking = linking;
        this.handBacks = handBacks;
    }

    @Override
    public MethodDescription method() {
        return method.description();
    }

    @Override
    public String startPath() {
        return PATH;
    }

    /** The prompt and the hand-back, on the main connector. */
    @Override
    public List<Route> routes(LoginCompletion completion) {
        return List.of(
                new Route(PATH, new CertificatePromptPage(completion, pages, certificateUrl, methodChoiceUrl)),
                new Route(CertificateHandBackEndpoint.PATH, new CertificateHandBackEndpoint(completion, handBacks,
                        errorPage, ids, linking)));
    }

    /** The check, on the connector that asks for a client certificate (and on nothing else). */
    public List<Route> certificateConnectorRoutes(LoginCompletion completion) {
        // methodChoiceUrl is /idp/login on the main host: the hand-back lives beside it.
        return List.of(new Route(PATH, new CertificateLoginEndpoint(method, completion, handBacks, errorPage,
                methodChoiceUrl, methodChoiceUrl + "/certificate/done", ids)));
    }
}
