package si.bankart.prehod.sandbox.portals;

import java.util.Objects;

import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;

/**
 * The NameID of an assertion's Subject exactly as received: single logout must name the principal with the same
 * value, Format and qualifiers (SAML profiles §4.4.4.1), so absent attributes stay absent (null).
 */
public record SubjectNameId(String value, String format, String nameQualifier, String spNameQualifier) {

    public SubjectNameId {
        Objects.requireNonNull(value, "value");
    }

    public static SubjectNameId from(NameID nameId) {
        return new SubjectNameId(nameId.getValue(), nameId.getFormat(), nameId.getNameQualifier(),
                nameId.getSPNameQualifier());
    }

    /** Core §8.3: a NameID without Format has the unspecified format. */
    public String formatOrUnspecified() {
        return format == null ? NameIDType.UNSPECIFIED : format;
    }

    public NameID toXmlObject() {
        NameID nameId = (NameID) XMLObjectSupport.buildXMLObject(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(value);
        nameId.setFormat(format);
        nameId.setNameQualifier(nameQualifier);
        nameId.setSPNameQualifier(spNameQualifier);
        return nameId;
    }

    /**
     * Whether a LogoutRequest's NameID names this principal: same value and format; a qualifier is compared only
     * when both sides carry it, since an IdP may add or leave out the ones its assertion defaulted (core §2.2.3).
     */
    public boolean matches(NameID other) {
        return other != null && value.equals(other.getValue())
                && formatOrUnspecified().equals(other.getFormat() == null ? NameIDType.UNSPECIFIED : other.getFormat())
                && sameWhenBothGiven(nameQualifier, other.getNameQualifier())
                && sameWhenBothGiven(spNameQualifier, other.getSPNameQualifier());
    }

    private static boolean sameWhenBothGiven(String ours, String theirs) {
        return ours == null || theirs == null || ours.equals(theirs);
    }
}
