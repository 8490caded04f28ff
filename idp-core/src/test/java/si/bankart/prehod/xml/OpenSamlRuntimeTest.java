package si.bankart.prehod.xml;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;

class OpenSamlRuntimeTest {

    @Test
    void initializeAfterABackgroundStartReturnsTheOneHardenedPool() {
        OpenSamlRuntime.initializeInBackground();
        net.shibboleth.utilities.java.support.xml.ParserPool pool = OpenSamlRuntime.initialize();

        assertNotNull(pool);
        assertSame(pool, OpenSamlRuntime.initialize());
        assertSame(pool, ConfigurationService.get(XMLObjectProviderRegistry.class).getParserPool());
    }
}
