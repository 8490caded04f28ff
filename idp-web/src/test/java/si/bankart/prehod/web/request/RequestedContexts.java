package si.bankart.prehod.web.request;

import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

import si.bankart.prehod.xml.SamlObjects;

/** RequestedAuthnContext elements for tests. */
final class RequestedContexts {

    private RequestedContexts() {
    }

    static RequestedAuthnContext exact(String classRef) {
        AuthnContextClassRef ref = SamlObjects.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        ref.setURI(classRef);
        RequestedAuthnContext context = SamlObjects.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
        context.setComparison(AuthnContextComparisonTypeEnumeration.EXACT);
        context.getAuthnContextClassRefs().add(ref);
        return context;
    }
}
