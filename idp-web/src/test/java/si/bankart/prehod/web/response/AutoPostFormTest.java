package si.bankart.prehod.web.response;

import si.bankart.prehod.protocol.RequestId;
import java.util.Optional;
import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.response.SamlReply;
import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.response.StatusResponseEnvelope;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.web.page.Language;
import si.bankart.prehod.web.page.Pages;
import si.bankart.prehod.xml.OpenSamlRuntime;
import si.bankart.prehod.xml.SamlObjects;

class AutoPostFormTest {

    static {
        OpenSamlRuntime.initialize();
    }

    private final AutoPostForm form = new AutoPostForm(new Pages(Path.of("..", "templates")));

    @Test
    void sendWritesTheWholePageWithItsLengthAndNoCacheHeaders() throws Exception {
        CapturedResponse sent = CapturedResponse.of(r -> form.send(r, signedResponse(), "https://sp.example/acs", null,
                null, Language.EN));

        assertEquals(sent.body.length, sent.contentLength);
        assertEquals("text/html", sent.headers.get("Content-Type"));
        assertEquals("UTF-8", sent.characterEncoding);
        assertEquals("no-cache, no-store", sent.headers.get("Cache-control"));
        assertEquals("no-cache", sent.headers.get("Pragma"));
        assertTrue(sent.text().contains("<form id=\"saml-post\" method=\"post\" action=\"https://sp.example/acs\">"));
        assertTrue(sent.text().contains("<button type=\"submit\">Continue</button>"));
        assertFalse(sent.text().contains("RelayState"));
    }

    @Test
    void sendCarriesTheSignedMessageAsItsDomSerialises() throws Exception {
        Response response = signedResponse();
        CapturedResponse sent = CapturedResponse.of(r -> form.send(r, response, "https://sp.example/acs", "rs", null, Language.SL));

        String xml = new String(Base64.getDecoder().decode(sent.field("SAMLResponse")), StandardCharsets.UTF_8);
        assertEquals(SerializeSupport.nodeToString(response.getDOM()), xml);
        assertTrue(xml.contains("SignatureValue"));
    }

    @Test
    void sendHtmlEscapesEveryValueItInserts() throws Exception {
        CapturedResponse sent = CapturedResponse.of(r -> form.send(r, signedResponse(),
                "https://sp.example/acs?a=1&b=\"><script>", "\"><script>alert(1)</script>", null, Language.EN));

        assertFalse(sent.text().contains("<script>"));
        assertTrue(sent.text().contains("action=\"https://sp.example/acs?a=1&amp;b=&quot;&gt;&lt;script&gt;\""));
        assertEquals("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;", sent.field("RelayState"));
    }

    @Test
    void sendPostsARequestAsSamlRequest() throws Exception {
        LogoutRequest request = SamlObjects.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID("_logout");
        CapturedResponse sent = CapturedResponse.of(r -> form.send(r, request, "https://sp.example/slo", null, null, Language.EN));

        assertTrue(sent.text().contains("name=\"SAMLRequest\""));
        assertFalse(sent.text().contains("SAMLResponse"));
    }

    @Test
    void pageCarryingAnErrorStatusSaysWhereItGoesNotThatTheUserIsLoggedIn() throws Exception {
        SamlReply reply = new SamlReply(signedResponse(StatusCode.RESPONDER), "https://sp.example/acs", null,
                new LocalizedText("Portal za trgovce", "Merchant portal"));

        String english = CapturedResponse.of(r -> form.send(r, reply, Language.EN)).text();
        String slovenian = CapturedResponse.of(r -> form.send(r, reply, Language.SL)).text();

        assertTrue(english.contains("<p>Returning you to Merchant portal.</p>"), english);
        assertTrue(slovenian.contains("<p>Vračamo vas v Portal za trgovce.</p>"), slovenian);
        assertFalse(english.contains("logged in"));
        assertFalse(slovenian.contains("Prijava je uspela"));
    }

    @Test
    void pageWithoutAPortalNameSaysThePortal() throws Exception {
        CapturedResponse sent = CapturedResponse.of(r -> form.send(r, signedResponse(), "https://sp.example/acs", null,
                null, Language.EN));

        assertTrue(sent.text().contains("<p>Returning you to the portal.</p>"));
    }

    private static Response signedResponse() {
        return signedResponse(StatusCode.SUCCESS);
    }

    private static Response signedResponse(String status) {
        Response response = new StatusResponseEnvelope(EntityId.of("https://idp.example/idp"), Clock.systemUTC(),
                new RandomIds(new SecureRandom())).wrap(SamlObjects.build(Response.DEFAULT_ELEMENT_NAME),
                Optional.of(RequestId.of("_req")),
                "https://sp.example/acs", status, null, null);
        new SamlSigner(TestCredentials.named("auto-post-form")).sign(response);
        return response;
    }

    /** What a servlet wrote: headers, declared length and body. */
    private static final class CapturedResponse {
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        Integer contentLength;
        String characterEncoding;
        byte[] body;

        interface Send {
            void to(HttpServletResponse response) throws Exception;
        }

        static CapturedResponse of(Send send) throws Exception {
            CapturedResponse captured = new CapturedResponse();
            ServletOutputStream stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    captured.out.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                    CapturedResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setHeader", "addHeader" -> captured.headers.put((String) args[0], (String) args[1]);
                            case "setContentLength" -> captured.contentLength = (Integer) args[0];
                            case "setCharacterEncoding" -> captured.characterEncoding = (String) args[0];
                            case "getOutputStream" -> {
                                return stream;
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
            send.to(response);
            captured.body = captured.out.toByteArray();
            return captured;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The value attribute of the hidden input with this name, as it stands in the page. */
        String field(String name) {
            String marker = "name=\"" + name + "\" value=\"";
            int start = text().indexOf(marker) + marker.length();
            return text().substring(start, text().indexOf('"', start));
        }
    }
}
