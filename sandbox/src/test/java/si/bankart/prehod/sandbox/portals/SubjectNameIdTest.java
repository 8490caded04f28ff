package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;

import si.bankart.prehod.xml.OpenSamlRuntime;

class SubjectNameIdTest {

    private static final SubjectNameId RECEIVED = new SubjectNameId("opaque-42", NameIDType.PERSISTENT,
            "https://localhost:8443/idp", null);

    @Test
    void toXmlObjectThenFromGivesTheSameValue() {
        OpenSamlRuntime.initialize();

        assertEquals(RECEIVED, SubjectNameId.from(RECEIVED.toXmlObject()));
    }

    @Test
    void matchesWhenSameValueAndFormatAndAQualifierOnOneSideOnlyThenTrue() {
        NameID withSpQualifier = nameId("opaque-42", NameIDType.PERSISTENT, null, "https://localhost:8500/acq/saml");

        assertTrue(RECEIVED.matches(withSpQualifier));
    }

    @Test
    void matchesWhenQualifiersDifferThenFalse() {
        assertFalse(RECEIVED.matches(nameId("opaque-42", NameIDType.PERSISTENT, "https://other.example/idp", null)));
    }

    @Test
    void matchesWhenFormatDiffersThenFalseAndAbsentFormatIsUnspecified() {
        assertFalse(RECEIVED.matches(nameId("opaque-42", NameIDType.TRANSIENT, null, null)));
        assertTrue(new SubjectNameId("x", null, null, null).matches(nameId("x", NameIDType.UNSPECIFIED, null, null)));
    }

    private static NameID nameId(String value, String format, String nameQualifier, String spNameQualifier) {
        OpenSamlRuntime.initialize();
        return new SubjectNameId(value, format, nameQualifier, spNameQualifier).toXmlObject();
    }
}
