package si.bankart.prehod.web.logout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;
import org.opensaml.messaging.encoder.MessageEncodingException;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;

import si.bankart.prehod.logout.LogoutOutcome;
import si.bankart.prehod.logout.LogoutOutcome.PortalLogout;
import si.bankart.prehod.logout.OutgoingLogoutResponse;
import si.bankart.prehod.protocol.EntityId;
import si.bankart.prehod.sp.PortalHome;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.ServiceProviders;
import si.bankart.prehod.web.login.LastPortalCookie;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.web.response.AutoPostForm;
import si.bankart.prehod.web.response.ErrorPage;
import si.bankart.prehod.web.response.RedirectBindingSender;
import si.bankart.prehod.web.session.SessionCookie;

/**
 * Turns the logout flow's decision into HTTP: the browser on to the next SP or to Rekono (the step's key in the logout
 * cookie too), the final LogoutResponse to the SP that asked, the result page, or the error page. Once logout has
 * started, the SSO cookie is cleared on every answer.
 */
public final class LogoutOutcomeWriter {


    static final String RESULT_TEMPLATE = "logout-result.vm";

    private final RedirectBindingSender redirect;
    private final AutoPostForm postForm;
    private final ErrorPage errorPage;
    private final Pages pages;
    private final ServiceProviders registry;
    private final SessionCookie ssoCookie;
    private final SessionCookie logoutCookie;

    public LogoutOutcomeWriter(RedirectBindingSender redirect, AutoPostForm postForm, ErrorPage errorPage, Pages pages,
            ServiceProviders registry, SessionCookie ssoCookie, SessionCookie logoutCookie) {
        this.redirect = redirect;
        this.postForm = postForm;
        this.errorPage = errorPage;
        this.pages = pages;
        this.registry = registry;
        this.ssoCookie = ssoCookie;
        this.logoutCookie = logoutCookie;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, LogoutOutcome outcome) throws IOException {
        Language language = Language.of(request);
        try {
            if (outcome instanceof LogoutOutcome.AskSp ask) {
                ssoCookie.clear(response);
                logoutCookie.write(response, ask.progressKey());
                send(response, ask.request(), ask.participant().location(), ask.participant().binding(),
                        ask.progressKey(), language);
            } else if (outcome instanceof LogoutOutcome.EndUpstream upstream) {
                ssoCookie.clear(response);
                logoutCookie.write(response, upstream.progressKey());
                response.setHeader("Cache-Control", "no-store");
                response.sendRedirect(upstream.url().toString());
            } else if (outcome instanceof LogoutOutcome.Answer answer) {
                ssoCookie.clear(response);
                logoutCookie.clear(response);
                send(response, answer.response(), language);
            } else if (outcome instanceof LogoutOutcome.Refuse refuse) {
                send(response, refuse.response(), language);
            } else if (outcome instanceof LogoutOutcome.ShowResult result) {
                ssoCookie.clear(response);
                logoutCookie.clear(response);
                showResult(response, result, language);
            } else if (outcome instanceof LogoutOutcome.ShowError error) {
                // A used or expired logout step (reload, Back): logged out already; the way on is the last portal.
                errorPage.show(response, error.page(), error.incident(), language, lastPortal(request));
            }
        } catch (MessageEncodingException e) {
            throw new IOException("the logout message could not be encoded", e);
        }
    }

    private void send(HttpServletResponse response, OutgoingLogoutResponse answer, Language language)
            throws MessageEncodingException {
        send(response, answer.response(), answer.location(), answer.binding(), answer.relayState(), language);
    }

    private void send(HttpServletResponse response, SAMLObject message, String location, String binding,
            String relayState, Language language) throws MessageEncodingException {
        if (SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(binding)) {
            redirect.send(response, message, location, relayState);
        } else {
            postForm.send(response, message, location, relayState, null, language);
        }
    }

    /** The portal this browser last started a login for, as a way on from a logout that has nothing left to do. */
    Optional<PortalHome> lastPortal(HttpServletRequest request) {
        return LastPortalCookie.read(request).flatMap(EntityId::from).flatMap(registry::find).flatMap(PortalHome::of);
    }

    private void showResult(HttpServletResponse response, LogoutOutcome.ShowResult result, Language language)
            throws IOException {
        List<Map<String, String>> portals = new ArrayList<>();
        for (PortalLogout portal : result.portals()) {
            Optional<RegisteredSp> sp = registry.find(portal.spEntityId());
            String name = sp.map(s -> s.policy().displayName().in(language.code())).orElse(portal.spEntityId().value());
            // Each portal's home from our configuration: the page is where a logout started at the IdP ends.
            String home = sp.flatMap(PortalHome::of).map(PortalHome::url).orElse("");
            portals.add(Map.of("name", name, "result", portal.result().name(), "home", home));
        }
        VelocityContext context = pages.context(language);
        context.put("portals", portals);
        context.put("partial", result.partial());
        context.put("user", result.userId());
        pages.render(response, HttpServletResponse.SC_OK, RESULT_TEMPLATE, context);
    }
}
