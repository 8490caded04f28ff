package si.bankart.prehod.testing;

import java.util.Map;

import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;

/** XPath over XML text with the SAML prefixes: saml, samlp, ds, xenc. */
public final class TestXPath {

    private static final Map<String, String> NAMESPACES = Map.of(
            "saml", "urn:oasis:names:tc:SAML:2.0:assertion",
            "samlp", "urn:oasis:names:tc:SAML:2.0:protocol",
            "ds", "http://www.w3.org/2000/09/xmldsig#",
            "xenc", "http://www.w3.org/2001/04/xmlenc#",
            "xsi", "http://www.w3.org/2001/XMLSchema-instance");

    private TestXPath() {
    }

    /** The string value of the expression ("" when nothing matches). */
    public static String value(String xml, String xpath) {
        return engine().evaluate(xpath, Input.fromString(xml).build());
    }

    public static int count(String xml, String xpath) {
        return (int) Double.parseDouble(value(xml, "count(" + xpath + ")"));
    }

    private static JAXPXPathEngine engine() {
        JAXPXPathEngine engine = new JAXPXPathEngine();
        engine.setNamespaceContext(NAMESPACES);
        return engine;
    }
}
