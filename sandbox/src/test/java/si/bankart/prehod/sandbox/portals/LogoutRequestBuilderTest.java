package si.bankart.prehod.sandbox.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static si.bankart.prehod.sandbox.portals.TestResponses.ACQ;
import static si.bankart.prehod.sandbox.portals.TestResponses.T0;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;

import si.bankart.prehod.xml.OpenSamlRuntime;

class LogoutRequestBuilderTest {

    private final LogoutRequestBuilder builder = new LogoutRequestBuilder(ACQ, IdpRedirect.IDP_SLO,
            Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void buildThenIdVersionInstantsDestinationIssuerAndTheAssertionsSessionIndex() {
        OpenSamlRuntime.initialize();

        LogoutRequest request = builder.build("_logout-1", TestPortal.login("opaque-42", "_session-7"));

        assertEquals("_logout-1", request.getID());
        assertEquals(SAMLVersion.VERSION_20, request.getVersion());
        assertEquals(T0, request.getIssueInstant());
        assertEquals(T0.plusSeconds(300), request.getNotOnOrAfter());
        assertEquals("https://localhost:8443/idp/profile/SAML2/Redirect/SLO", request.getDestination());
        assertEquals("https://localhost:8500/acq/saml", request.getIssuer().getValue());
        assertEquals(List.of("_session-7"), request.getSessionIndexes().stream().map(SessionIndex::getValue).toList());
        assertEquals("opaque-42", request.getNameID().getValue());
        assertEquals(NameIDType.PERSISTENT, request.getNameID().getFormat());
        assertNull(request.getNameID().getNameQualifier(), "no qualifier the assertion did not carry");
        assertNull(request.getNameID().getSPNameQualifier(), "no qualifier the assertion did not carry");
    }

    @Test
    void buildWhenTheAssertionsNameIdHadQualifiersThenExactlyThose() {
        OpenSamlRuntime.initialize();
        SamlLogin login = new SamlLogin(new SubjectNameId("opaque-42", NameIDType.PERSISTENT,
                "https://localhost:8443/idp", "https://localhost:8500/acq/saml"), Map.of(), null, "_session-7", T0);

        LogoutRequest request = builder.build("_logout-1", login);

        assertEquals("https://localhost:8443/idp", request.getNameID().getNameQualifier());
        assertEquals("https://localhost:8500/acq/saml", request.getNameID().getSPNameQualifier());
    }

    @Test
    void buildWhenTheAssertionsNameIdHadNoFormatThenNoneIsAdded() {
        OpenSamlRuntime.initialize();
        SamlLogin login = new SamlLogin(new SubjectNameId("someone", null, null, null), Map.of(), null, "_s", T0);

        assertNull(builder.build("_logout-1", login).getNameID().getFormat());
    }
}
