package si.bankart.prehod.login.certificate;

import static si.bankart.prehod.login.certificate.CertificateAssertions.assertPasses;
import static si.bankart.prehod.login.certificate.CertificateAssertions.assertRefused;
import static si.bankart.prehod.login.certificate.TestCertificates.leaf;
import static si.bankart.prehod.login.certificate.TestCertificates.path;

import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyIsAllowedTest {

    private static final String QUALIFIED = "0.4.0.194112.1.2";
    private static final String PERSONAL = "1.3.6.1.4.1.99999.1.1";

    @Test
    void checkWhenNoAllowListThenAnyCertificatePasses() {
        assertPasses(() -> new PolicyIsAllowed(List.of()).check(path(leaf().build())));
    }

    @Test
    void checkWhenCertificateHasAnAllowedPolicyThenPasses() {
        assertPasses(() -> new PolicyIsAllowed(List.of(QUALIFIED, PERSONAL))
                .check(path(leaf().policies("2.999.9", PERSONAL).build())));
    }

    @Test
    void checkWhenCertificateHasOnlyOtherPoliciesThenPolicyNotAllowed() {
        assertRefused(CertificateRejection.POLICY_NOT_ALLOWED,
                () -> new PolicyIsAllowed(List.of(QUALIFIED)).check(path(leaf().policies(PERSONAL).build())));
    }

    @Test
    void checkWhenCertificateHasNoPoliciesThenPolicyNotAllowed() {
        assertRefused(CertificateRejection.POLICY_NOT_ALLOWED,
                () -> new PolicyIsAllowed(List.of(QUALIFIED)).check(path(leaf().build())));
    }
}
