package si.bankart.prehod.xml;

import java.util.Map;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.ParserPool;

/**
 * The one XML parser configuration for everything that arrives from outside: no DOCTYPE (so no entity expansion or
 * external entities), secure processing, and a nesting limit that OpenSAML 4 does not set on its own.
 */
public final class HardenedParserPool {

    /** SAML messages are a dozen levels deep; anything far deeper is an attack on the parser. */
    public static final int MAX_ELEMENT_DEPTH = 64;

    private HardenedParserPool() {
    }

    public static ParserPool create() {
        BasicParserPool pool = new BasicParserPool();
        pool.setMaxPoolSize(64);
        pool.setNamespaceAware(true);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        pool.setIgnoreComments(true);
        // BasicParserPool already sets FEATURE_SECURE_PROCESSING and disallow-doctype-decl; these add the limits.
        pool.setBuilderAttributes(Map.of(
                "jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH),
                "jdk.xml.entityExpansionLimit", "0"));
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("XML parser pool cannot be initialised", e);
        }
        return pool;
    }
}
