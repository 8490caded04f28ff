package si.bankart.prehod.request.rule;

import static si.bankart.prehod.request.rule.RuleCheck.SP;
import static si.bankart.prehod.request.rule.RuleCheck.assertRejected;
import static si.bankart.prehod.request.rule.RuleCheck.established;
import static si.bankart.prehod.request.rule.RuleCheck.passes;
import static si.bankart.prehod.request.rule.RuleCheck.rejected;
import static si.bankart.prehod.request.rule.RuleCheck.request;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Subject;

import si.bankart.prehod.protocol.RequestRejected;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.xml.SamlObjects;

class SubjectIsNotRequestedTest {

    private final SubjectIsNotRequested rule = new SubjectIsNotRequested();

    @Test
    void passesRequestWithoutSubject() {
        passes(rule, established(request().build()));
    }

    @Test
    void rejectsRequestNamingASubjectAsRequestUnsupported() {
        RequestRejected thrown = rejected(rule, established(request().with(r -> {
            NameID nameId = SamlObjects.build(NameID.DEFAULT_ELEMENT_NAME);
            nameId.setValue("someone-else");
            Subject subject = SamlObjects.build(Subject.DEFAULT_ELEMENT_NAME);
            subject.setNameID(nameId);
            r.setSubject(subject);
        }).build()));
        assertRejected(thrown, SamlStatus.REQUESTER_REQUEST_UNSUPPORTED, SP.acsUrl());
    }
}
