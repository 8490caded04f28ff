package si.bankart.prehod.sandbox.rekono.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactorTest {

    @Test
    void eachTrustLevelOffersTheFactorsRekonoAllowsIt() {
        assertEquals(List.of(Factor.SMS, Factor.OTP), Factor.reaching(1, 1));
        assertEquals(List.of(Factor.SMS, Factor.OTP, Factor.PUSH), Factor.reaching(2, 1));
        assertEquals(List.of(Factor.OTP, Factor.PUSH, Factor.CERTIFICATE), Factor.reaching(3, 1));
    }

    @Test
    void provenLevelIsTheAccountLevelCappedByTheFactorsCeiling() {
        assertEquals(1, Factor.SMS.provenLevel(1));
        assertEquals(2, Factor.OTP.provenLevel(3));
        assertEquals(2, Factor.PUSH.provenLevel(3));
        assertEquals(3, Factor.CERTIFICATE.provenLevel(3));
    }

    @Test
    void onlyFactorsReachingTheRequiredLevelAreOffered() {
        assertEquals(List.of(), Factor.reaching(1, 2));
        assertEquals(List.of(Factor.CERTIFICATE), Factor.reaching(3, 3));
        assertEquals(List.of(), Factor.reaching(2, 3));
    }

    @Test
    void acrValuesRequireTheLowestRecognisedLevel() {
        assertEquals(1, TrustAcr.requiredBy(List.of()));
        assertEquals(1, TrustAcr.requiredBy(List.of("http://eidas.europa.eu/LoA/high")));
        assertEquals(2, TrustAcr.requiredBy(List.of("urn:rekono:trust:3", "urn:rekono:trust:2")));
        assertEquals("urn:rekono:trust:3", new TrustAcr(3).toString());
    }
}
