package si.bankart.prehod.testing;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;

import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * Fuzzed bytes through the hardened parser and OpenSAML's unmarshallers, as the binding decoders run them: a parser
 * or unmarshalling refusal is an expected outcome (the web layer turns it into the error page); anything else thrown
 * escapes to the fuzzer as a finding.
 */
public final class FuzzedXml {

    private FuzzedXml() {
    }

    public static <T extends XMLObject> Optional<T> parse(byte[] bytes, Class<T> type) {
        try {
            XMLObject parsed = XMLObjectSupport.unmarshallFromInputStream(OpenSamlRuntime.initialize(),
                    new ByteArrayInputStream(bytes));
            return type.isInstance(parsed) ? Optional.of(type.cast(parsed)) : Optional.empty();
        } catch (XMLParserException | UnmarshallingException e) {
            return Optional.empty();
        }
    }
}
