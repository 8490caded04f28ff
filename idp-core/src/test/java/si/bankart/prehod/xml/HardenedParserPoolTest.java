package si.bankart.prehod.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Security regressions: what the parser must refuse before OpenSAML sees anything. */
class HardenedParserPoolTest {

    private final ParserPool pool = HardenedParserPool.create();

    private Document parse(String xml) throws XMLParserException {
        return pool.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsesOrdinaryNamespacedXml() throws XMLParserException {
        Document document = parse("<p:a xmlns:p=\"urn:x\"><p:b>text</p:b></p:a>");
        assertEquals("urn:x", document.getDocumentElement().getNamespaceURI());
    }

    @Test
    void rejectsBillionLaughsEntityExpansion() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><lolz>&lol3;</lolz>";
        assertThrows(XMLParserException.class, () -> parse(bomb));
    }

    @Test
    void rejectsExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        assertThrows(XMLParserException.class, () -> parse(xxe));
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        int depth = HardenedParserPool.MAX_ELEMENT_DEPTH + 1;
        String deep = "<a>".repeat(depth) + "</a>".repeat(depth);
        assertThrows(XMLParserException.class, () -> parse(deep));
    }

    @Test
    void acceptsNestingAtTheLimit() throws XMLParserException {
        int depth = HardenedParserPool.MAX_ELEMENT_DEPTH;
        parse("<a>".repeat(depth) + "</a>".repeat(depth));
    }
}
