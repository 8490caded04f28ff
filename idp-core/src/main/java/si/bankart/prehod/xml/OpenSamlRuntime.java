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

    /**
     * Starts {@link #initialize} on a daemon thread, so that the longest step of a start (about a third of it) runs
     * while the caller reads its configuration; {@link #initialize} then waits for it. A failure surfaces there.
     */
    public static void initializeInBackground() {
        Thread thread = new Thread(() -> {
            try {
                initialize();
            } catch (RuntimeException e) {
                // initialize() on the main path tries again and reports it
            }
        }, "opensaml-init");
        thread.setDaemon(true);
        thread.start();
    }

    /** Initialises OpenSAML on the first call; later calls return the same parser pool (waiting for a running one). */
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
