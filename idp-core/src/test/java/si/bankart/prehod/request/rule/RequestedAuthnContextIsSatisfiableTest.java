package si.bankart.prehod.request.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static si.bankart.prehod.loa.LevelOfAssurance.HIGH;
import static si.bankart.prehod.loa.LevelOfAssurance.LOW;
import static si.bankart.prehod.loa.LevelOfAssurance.SUBSTANTIAL;
import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.established;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.post;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnContextDeclRef;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

import si.bankart.prehod.loa.AuthnContextVocabulary;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.request.AuthnRequestCheck;
import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.xml.SamlObjects;

class RequestedAuthnContextIsSatisfiableTest {

    private static final String UNKNOWN_REF = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";

    private final RequestedAuthnContextIsSatisfiable rule = new RequestedAuthnContextIsSatisfiable();

    private static RegisteredSp spWithMinimum(LevelOfAssurance minimum) {
        return TestPolicy.of(SP).minimumLoa(minimum).registered();
    }

    private static String eidas(LevelOfAssurance level) {
        return AuthnContextVocabulary.EIDAS.classRef(level);
    }

    private static AuthnRequestCheck check(RegisteredSp sp, AuthnContextComparisonTypeEnumeration comparison,
            String... classRefs) {
        return established(sp, post(request().with(r -> {
            RequestedAuthnContext requested = SamlObjects.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
            requested.setComparison(comparison);
            for (String uri : classRefs) {
                AuthnContextClassRef ref = SamlObjects.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
                ref.setURI(uri);
                requested.getAuthnContextClassRefs().add(ref);
            }
            r.setRequestedAuthnContext(requested);
        }).build()));
    }

    private void assertAcceptable(AuthnRequestCheck check, LevelOfAssurance... levels) {
        passes(rule, check);
        assertEquals(Set.of(levels), check.loaRequirement().acceptable());
    }

    private void assertNoAuthnContext(AuthnRequestCheck check) {
        RequestRejected thrown = rejected(rule, check);
        assertRejected(thrown, SamlStatus.REQUESTER_NO_AUTHN_CONTEXT, SP.acsUrl());
    }

    @Test
    void acceptsTheSpMinimumAndAboveWithoutRequestedAuthnContext() {
        assertAcceptable(established(spWithMinimum(SUBSTANTIAL), post(request().build())), SUBSTANTIAL, HIGH);
    }

    @Test
    void exactSubstantialForSpWithMinimumLowAcceptsOnlySubstantial() {
        assertAcceptable(check(spWithMinimum(LOW), AuthnContextComparisonTypeEnumeration.EXACT, eidas(SUBSTANTIAL)),
                SUBSTANTIAL);
    }

    @Test
    void absentComparisonIsExact() {
        assertAcceptable(check(spWithMinimum(LOW), null, eidas(SUBSTANTIAL)), SUBSTANTIAL);
    }

    @Test
    void exactLowForSpWithMinimumSubstantialIsNoAuthnContext() {
        assertNoAuthnContext(check(spWithMinimum(SUBSTANTIAL), AuthnContextComparisonTypeEnumeration.EXACT, eidas(LOW)));
    }

    @Test
    void exactLowOrHighForSpWithMinimumSubstantialAcceptsOnlyHigh() {
        assertAcceptable(check(spWithMinimum(SUBSTANTIAL), AuthnContextComparisonTypeEnumeration.EXACT, eidas(LOW),
                eidas(HIGH)), HIGH);
    }

    @Test
    void minimumLowForSpWithMinimumSubstantialAcceptsSubstantialAndHigh() {
        assertAcceptable(check(spWithMinimum(SUBSTANTIAL), AuthnContextComparisonTypeEnumeration.MINIMUM, eidas(LOW)),
                SUBSTANTIAL, HIGH);
    }

    @Test
    void minimumHighForSpWithMinimumLowAcceptsOnlyHigh() {
        assertAcceptable(check(spWithMinimum(LOW), AuthnContextComparisonTypeEnumeration.MINIMUM, eidas(HIGH)), HIGH);
    }

    @Test
    void maximumSubstantialForSpWithMinimumLowAcceptsLowAndSubstantial() {
        assertAcceptable(check(spWithMinimum(LOW), AuthnContextComparisonTypeEnumeration.MAXIMUM, eidas(SUBSTANTIAL)),
                LOW, SUBSTANTIAL);
    }

    @Test
    void maximumLowForSpWithMinimumSubstantialIsNoAuthnContext() {
        assertNoAuthnContext(check(spWithMinimum(SUBSTANTIAL), AuthnContextComparisonTypeEnumeration.MAXIMUM, eidas(LOW)));
    }

    @Test
    void betterLowForSpWithMinimumLowAcceptsSubstantialAndHigh() {
        assertAcceptable(check(spWithMinimum(LOW), AuthnContextComparisonTypeEnumeration.BETTER, eidas(LOW)),
                SUBSTANTIAL, HIGH);
    }

    @Test
    void betterSubstantialForSpWithMinimumLowAcceptsOnlyHigh() {
        assertAcceptable(check(spWithMinimum(LOW), AuthnContextComparisonTypeEnumeration.BETTER, eidas(SUBSTANTIAL)),
                HIGH);
    }

    @Test
    void betterHighIsNoAuthnContext() {
        assertNoAuthnContext(check(spWithMinimum(LOW), AuthnContextComparisonTypeEnumeration.BETTER, eidas(HIGH)));
    }

    @Test
    void onlyUnknownClassRefsIsNoAuthnContext() {
        assertNoAuthnContext(check(spWithMinimum(LOW), AuthnContextComparisonTypeEnumeration.EXACT, UNKNOWN_REF));
    }

    @Test
    void unknownClassRefsBesideAKnownOneAreIgnored() {
        assertAcceptable(check(spWithMinimum(LOW), AuthnContextComparisonTypeEnumeration.EXACT, UNKNOWN_REF,
                eidas(HIGH)), HIGH);
    }

    @Test
    void classRefsAreReadInTheSpsOwnVocabulary() {
        RegisteredSp sp = TestPolicy.of(SP).authnContextClassRefs(Map.of(LOW, "urn:sp:loa:1", SUBSTANTIAL,
                "urn:sp:loa:2", HIGH, "urn:sp:loa:3")).registered();
        assertAcceptable(check(sp, AuthnContextComparisonTypeEnumeration.EXACT, "urn:sp:loa:2"), SUBSTANTIAL);
        assertNoAuthnContext(check(sp, AuthnContextComparisonTypeEnumeration.EXACT, eidas(SUBSTANTIAL)));
    }

    @Test
    void declRefIsNoAuthnContext() {
        assertNoAuthnContext(established(SP.registered(), post(request().with(r -> {
            RequestedAuthnContext requested = SamlObjects.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
            AuthnContextDeclRef ref = SamlObjects.build(AuthnContextDeclRef.DEFAULT_ELEMENT_NAME);
            ref.setURI("urn:example:decl");
            requested.getAuthnContextDeclRefs().add(ref);
            r.setRequestedAuthnContext(requested);
        }).build())));
    }
}
