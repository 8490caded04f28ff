package si.bankart.prehod.web.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import si.bankart.prehod.Idp;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.login.certificate.CertificateHandBacks;
import si.bankart.prehod.login.certificate.CertificateMethod;
import si.bankart.prehod.login.rekono.RekonoMethod;
import si.bankart.prehod.web.login.LoginCompletion;
import si.bankart.prehod.web.login.LoginMethodEndpoint;
import si.bankart.prehod.web.login.MethodChoicePage;
import si.bankart.prehod.web.login.certificate.CertificateLogin;
import si.bankart.prehod.web.login.link.AccountLinkPage;
import si.bankart.prehod.web.login.rekono.RekonoLogin;
import si.bankart.prehod.web.logout.IdpLogoutPage;
import si.bankart.prehod.web.logout.LogoutOutcomeWriter;
import si.bankart.prehod.web.logout.SingleLogoutEndpoint;
import si.bankart.prehod.web.metadata.MetadataEndpoint;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.web.request.SamlMessageDecoder;
import si.bankart.prehod.web.request.SsoEndpoint;
import si.bankart.prehod.web.request.UnsolicitedSsoEndpoint;
import si.bankart.prehod.web.response.AutoPostForm;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.response.OutcomeWriter;
import si.bankart.prehod.web.response.RedirectBindingSender;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * The IdP's HTTP endpoints over the assembled core, each built once with plain constructors; web.server.IdpServer
 * puts them on their paths.
 *
 * @param loginMethods the extra ones (tests), then Rekono (most portal users log in with it), then the certificate
 * @param certificate  present when certificate login is configured: it also answers on the certificate connector
 */
public record Endpoints(Pages pages, ErrorPage errorPage, LoginCompletion completion, SsoEndpoint sso,
        UnsolicitedSsoEndpoint unsolicited, SingleLogoutEndpoint slo, IdpLogoutPage logoutPage,
        MethodChoicePage methodChoice, MetadataEndpoint metadata, List<LoginMethodEndpoint> loginMethods,
        Optional<CertificateLogin> certificate) {

    public static Endpoints of(Idp idp, List<LoginMethodEndpoint> extraLoginMethods) {
        IdpConfig config = idp.config();
        Pages pages = new Pages(idp.home().resolve(config.templates()));
        ErrorPage errorPage = new ErrorPage(pages);
        SessionCookie cookie = new SessionCookie(config.session().cookieName());
        AutoPostForm postForm = new AutoPostForm(pages);
        OutcomeWriter writer = new OutcomeWriter(postForm, errorPage, cookie);
        LoginCompletion completion = new LoginCompletion(idp.sso(), idp.pendingLogins(), idp.sessions(), cookie, writer);

        List<LoginMethodEndpoint> methods = new ArrayList<>(extraLoginMethods);
        String certificateUrl = config.certificateBaseUrl() + CertificateLogin.PATH;
        idp.rekono().ifPresent(rekono -> methods.add(rekono(idp, rekono, pages, errorPage, completion,
                idp.certificate().isPresent() ? certificateUrl : null)));
        Optional<CertificateLogin> certificate = idp.certificate().map(method -> certificate(idp, method, pages,
                errorPage, certificateUrl));
        certificate.ifPresent(methods::add);

        SamlMessageDecoder decoder = new SamlMessageDecoder(idp.parserPool(), config.limits().maxMessageBytes());
        SessionCookie logoutCookie = new SessionCookie(config.logout().cookieName());
        LogoutOutcomeWriter logoutWriter = new LogoutOutcomeWriter(new RedirectBindingSender(idp.keys().signing()),
                postForm, errorPage, pages, idp.catalog(), cookie, logoutCookie);
        return new Endpoints(pages, errorPage, completion,
                new SsoEndpoint(decoder, idp.sso(), idp.sessions(), cookie, writer, errorPage, idp.ids(),
                        config.endpoint(Paths.SSO_REDIRECT), config.endpoint(Paths.SSO_POST)),
                new UnsolicitedSsoEndpoint(idp.sso(), idp.sessions(), cookie, writer),
                new SingleLogoutEndpoint(decoder, idp.logout(), idp.sessions(), cookie, logoutCookie, logoutWriter,
                        errorPage, idp.ids(), config.endpoint(Paths.SLO_REDIRECT), config.endpoint(Paths.SLO_POST)),
                new IdpLogoutPage(idp.logout(), idp.sessions(), idp.catalog(), cookie, logoutCookie, logoutWriter, pages,
                        errorPage, idp.ids()),
                new MethodChoicePage(methods, idp.catalog(), completion, pages),
                new MetadataEndpoint(idp.metadata()), methods, certificate);
    }

    /** @param certificateLink where a Rekono account without a bank user may link a certificate instead, or null */
    private static RekonoLogin rekono(Idp idp, RekonoMethod rekono, Pages pages, ErrorPage errorPage,
            LoginCompletion completion, String certificateLink) {
        return new RekonoLogin(rekono, errorPage, idp.linking(),
                new AccountLinkPage(idp.linking(), completion, pages, errorPage, certificateLink, idp.ids()),
                idp.linkingConfig().linkLifetime());
    }

    private static CertificateLogin certificate(Idp idp, CertificateMethod method, Pages pages, ErrorPage errorPage,
            String certificateUrl) {
        return new CertificateLogin(method, certificateUrl, idp.config().endpoint(Paths.LOGIN), pages, errorPage,
                idp.ids(), idp.linking(), new CertificateHandBacks(idp.store().storage(), idp.clock(), idp.ids()));
    }
}
