package si.bankart.prehod.xml;

import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;

/**
 * Initialises OpenSAML once per JVM with the hardened parser pool. OpenSAML keeps its registries in a global
 * configuration service, so this is the single place that touches it.
 */
public final class OpenSamlRuntime {

    private static final Object LOCK = new Object();
    private static volatile ParserPool parserPool;

    private OpenSamlRuntime() {
    }

    /** Initialises OpenSAML on the first call; later calls return the same parser pool. */
    public static ParserPool initialize() {
        ParserPool pool = parserPool;
        if (pool != null) {
            return pool;
        }
        synchronized (LOCK) {
            if (parserPool == null) {
                try {
                    InitializationService.initialize();
                } catch (InitializationException e) {
                    throw new IllegalStateException("OpenSAML cannot be initialised", e);
                }
                ParserPool hardened = HardenedParserPool.create();
                XMLObjectProviderRegistry registry = ConfigurationService.get(XMLObjectProviderRegistry.class);
                registry.setParserPool(hardened);
                parserPool = hardened;
            }
            return parserPool;
        }
    }
}
