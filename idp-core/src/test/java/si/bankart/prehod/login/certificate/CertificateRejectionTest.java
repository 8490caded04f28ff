package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every certificate refusal in the one refusal model: its own page, and the portal never answered. */
class CertificateRejectionTest {

    @Test
    void everyRejectionHasItsOwnCertificatePageNamedAfterIt() {
        for (CertificateRejection reason : CertificateRejection.values()) {
            assertEquals("certificate-" + reason.name().toLowerCase().replace('_', '-'), reason.page(), reason.name());
        }
        assertEquals(CertificateRejection.values().length,
                Arrays.stream(CertificateRejection.values()).map(CertificateRejection::page).distinct().count());
    }

    @Test
    void noRejectionAnswersThePortalSoTheLoginStaysForAnotherMethod() {
        for (CertificateRejection reason : CertificateRejection.values()) {
            assertEquals(Optional.empty(), reason.samlStatus(), reason.name());
            assertFalse(reason.answersSp(), reason.name());
            assertFalse(reason.fellShortOfLevel(), reason.name());
        }
    }

    @Test
    void onlyNoCertificateOffersTheCertificateAgain() {
        EnumSet<CertificateRejection> again = EnumSet.noneOf(CertificateRejection.class);
        for (CertificateRejection reason : CertificateRejection.values()) {
            if (reason.offersMethodAgain()) {
                again.add(reason);
            }
        }
        assertEquals(EnumSet.of(CertificateRejection.NO_CERTIFICATE), again);
    }
}
