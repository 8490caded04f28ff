package si.bankart.prehod.xml;

import si.bankart.prehod.protocol.RequestId;
import java.util.Optional;
import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.w3c.dom.Element;

import si.bankart.prehod.response.SamlSigner;
import si.bankart.prehod.response.StatusResponseEnvelope;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.testing.TestCredentials;

class XmlSerializerTest {

    static {
        OpenSamlRuntime.initialize();
    }

    @Test
    void utf8WritesTheBytesSerializeSupportWritesForASignedResponse() throws Exception {
        Response response = new StatusResponseEnvelope(EntityId.of("https://idp.example/idp"), java.time.Clock.systemUTC(),
                new RandomIds(new java.security.SecureRandom())).wrap(SamlObjects.build(Response.DEFAULT_ELEMENT_NAME),
                Optional.of(RequestId.of("_req")), "https://sp.example/acs?a=1&b=\"2\"", StatusCode.REQUESTER, StatusCode.REQUEST_DENIED,
                "čšž <&> \"quoted\" 'single'\ttab\r\nline ]]> end");
        new SamlSigner(TestCredentials.named("xml-serializer")).sign(response);
        Element signed = response.getDOM();

        assertArrayEquals(SerializeSupport.nodeToString(signed).getBytes(StandardCharsets.UTF_8), XmlSerializer.utf8(signed));
    }

    @Test
    void utf8WritesTheBytesSerializeSupportWritesForSpecialCharactersInAttributes() throws Exception {
        Issuer issuer = SamlObjects.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue("x");
        issuer.setFormat("a&b<c>\"d\"\t\n\r'é€\uD83D\uDE00");
        Element element = XMLObjectSupport.marshall(issuer);

        assertArrayEquals(SerializeSupport.nodeToString(element).getBytes(StandardCharsets.UTF_8), XmlSerializer.utf8(element));
    }
}
