package si.bankart.prehod.web.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Browser;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;
import si.bankart.prehod.web.testing.TestSoapLogoutSp;
import si.bankart.prehod.web.testing.TestSoapLogoutSp.Behaviour;

/**
 * Back-channel single logout over the SOAP binding: the IdP itself calls a portal that offers only a SOAP
 * SingleLogoutService, over real TLS trusted through logout.soapTrustAnchors, and reports what the portal answered.
 */
class SoapLogoutEndToEndTest {

    private static TestSoapLogoutSp soapSp;
    private static TestServiceProvider portal;
    private static TestIdp idp;

    @BeforeAll
    static void start() throws Exception {
        soapSp = new TestSoapLogoutSp(Files.createTempDirectory("prehod-soap-sp-"));
        portal = TestServiceProvider.named("logout-soap").withSoapSloOnly(soapSp.url());
        idp = TestIdp.start(List.of(portal), TestIdp.policy(portal, ""),
                "logout:\n  soapTimeout: PT5S\n  soapTrustAnchors: " + soapSp.trustAnchor().toAbsolutePath() + "\n");
        soapSp.serve(portal, (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(idp.signingCertificatePem().getBytes(StandardCharsets.US_ASCII))));
    }

    @AfterAll
    static void stop() throws Exception {
        idp.close();
        soapSp.close();
    }

    /** Logs in to the portal and returns the NameID it was given. */
    private static String logIn(Browser browser) {
        TestAuthnRequests request = TestAuthnRequests.valid(portal, idp.endpoint(Paths.SSO_REDIRECT));
        Browser.PostedForm form = TestLoginMethod.logIn(browser,
                browser.get(Paths.SSO_REDIRECT + "?" + request.redirectQuery(null)), "u1001", "high");
        Matcher nameId = Pattern.compile("<saml2:NameID[^>]*>([^<]+)</saml2:NameID>").matcher(form.xml());
        assertTrue(nameId.find(), form.xml());
        return nameId.group(1);
    }

    private static HttpResponse<String> logOutAtTheIdp(Browser browser) {
        HttpResponse<String> page = browser.get(Paths.LOGOUT);
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        return browser.post(Paths.LOGOUT, Map.of("token", token.group(1)));
    }

    @Test
    void portalWithOnlyASoapEndpointIsLoggedOutByTheIdpItself() {
        soapSp.behave(Behaviour.ANSWER_SIGNED);
        Browser browser = idp.browser();
        String nameId = logIn(browser);

        HttpResponse<String> end = logOutAtTheIdp(browser);

        assertEquals(200, end.statusCode(), "no browser hop to the portal: " + end.headers().map());
        assertTrue(end.body().contains("Testni portal: odjavljeni"), end.body());
        TestSoapLogoutSp.Received received = soapSp.poll();
        assertEquals(nameId, received.nameId());
        assertTrue(received.signatureValid(), "the IdP signs its SOAP LogoutRequest");
    }

    @Test
    void unsignedSoapAnswerDoesNotCountAsLoggedOut() {
        soapSp.behave(Behaviour.ANSWER_UNSIGNED);
        Browser browser = idp.browser();
        logIn(browser);

        HttpResponse<String> end = logOutAtTheIdp(browser);

        assertTrue(end.body().contains("Testni portal: odjave ni potrdil"), end.body());
        assertTrue(soapSp.poll() != null);
    }

    @Test
    void soapEndpointAnsweringWithAnHttpErrorDoesNotCountAsLoggedOut() {
        soapSp.behave(Behaviour.HTTP_ERROR);
        Browser browser = idp.browser();
        logIn(browser);

        assertTrue(logOutAtTheIdp(browser).body().contains("Testni portal: odjave ni potrdil"));
        assertTrue(soapSp.poll() != null);
    }

    @ParameterizedTest
    @EnumSource(value = Behaviour.class, names = {"ANSWER_NOT_XML", "ANSWER_TOO_LARGE"})
    void soapAnswerThatIsNotXmlOrTooLargeDoesNotCountAsLoggedOut(Behaviour behaviour) {
        soapSp.behave(behaviour);
        Browser browser = idp.browser();
        logIn(browser);

        assertTrue(logOutAtTheIdp(browser).body().contains("Testni portal: odjave ni potrdil"));
        assertTrue(soapSp.poll() != null);
    }

    @Test
    void soapEndpointThatNeverAnswersIsGivenUpAfterTheTimeout() {
        soapSp.behave(Behaviour.HANG);
        Browser browser = idp.browser();
        logIn(browser);

        HttpResponse<String> end = logOutAtTheIdp(browser);

        assertTrue(end.body().contains("Testni portal: se ni odzval pravočasno"), end.body());
        assertTrue(soapSp.poll() != null);
    }

    @Test
    void missingSoapTrustAnchorsFileStopsStartUpNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestIdp.start(List.of(portal),
                TestIdp.policy(portal, ""), "logout:\n  soapTrustAnchors: conf/absent-soap-cas.pem\n"));

        assertTrue(e.getMessage().contains("absent-soap-cas.pem"), e.getMessage());
    }
}
