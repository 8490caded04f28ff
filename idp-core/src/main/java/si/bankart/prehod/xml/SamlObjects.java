package si.bankart.prehod.xml;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.util.XMLObjectSupport;

/** Builds an empty OpenSAML object for an element name, typed by the caller. */
public final class SamlObjects {

    private SamlObjects() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T build(QName element) {
        return (T) XMLObjectSupport.buildXMLObject(element);
    }
}
