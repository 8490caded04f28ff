package si.bankart.prehod.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.util.XMLObjectSupport;

import si.bankart.prehod.xml.OpenSamlRuntime;

/** XML text to and from OpenSAML objects, through the hardened parser, as an SP or the web layer would see it. */
public final class TestXml {

    private TestXml() {
    }

    public static String serialize(XMLObject object) {
        try {
            return SerializeSupport.nodeToString(XMLObjectSupport.marshall(object));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T extends XMLObject> T parse(String xml) {
        try {
            return (T) XMLObjectSupport.unmarshallFromInputStream(OpenSamlRuntime.initialize(),
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serialised and parsed again: a fresh DOM, the way the receiving side gets it. */
    public static <T extends XMLObject> T roundTrip(XMLObject object) {
        return parse(serialize(object));
    }
}
