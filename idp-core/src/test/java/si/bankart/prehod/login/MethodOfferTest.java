package si.bankart.prehod.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.RelyingPartyPolicy;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestServiceProvider;

class MethodOfferTest {

    private static final MethodDescription REKONO = new MethodDescription("rekono", new LocalizedText("Rekono", "Rekono"),
            LevelOfAssurance.HIGH);
    private static final MethodDescription CERTIFICATE = new MethodDescription("certificate",
            new LocalizedText("Potrdilo", "Certificate"), LevelOfAssurance.SUBSTANTIAL);
    private static final List<MethodDescription> BOTH = List.of(REKONO, CERTIFICATE);

    private static RelyingPartyPolicy allowing(String... methods) {
        return TestPolicy.of(TestServiceProvider.named("offer")).loginMethods(methods).build();
    }

    @Test
    void portalNeedingHighIsNotOfferedTheSubstantialOnlyCertificateAndSaysSo() {
        MethodOffer offer = MethodOffer.of(BOTH, allowing("rekono", "certificate"), Set.of(LevelOfAssurance.HIGH));

        assertEquals(List.of(REKONO), offer.offered());
        assertEquals(List.of(CERTIFICATE), offer.tooWeak());
        assertEquals(LevelOfAssurance.HIGH, offer.needed());
        assertEquals(Optional.of(REKONO), offer.only());
    }

    @Test
    void portalNeedingSubstantialIsOfferedBothInConfiguredOrder() {
        MethodOffer offer = MethodOffer.of(BOTH, allowing("certificate", "rekono"),
                Set.of(LevelOfAssurance.SUBSTANTIAL, LevelOfAssurance.HIGH));

        assertEquals(BOTH, offer.offered());
        assertTrue(offer.tooWeak().isEmpty());
        assertEquals(LevelOfAssurance.SUBSTANTIAL, offer.needed());
        assertEquals(Optional.empty(), offer.only());
    }

    @Test
    void methodThePortalDoesNotAllowIsNeitherOfferedNorExplained() {
        MethodOffer offer = MethodOffer.of(BOTH, allowing("rekono"), Set.of(LevelOfAssurance.LOW));

        assertEquals(List.of(REKONO), offer.offered());
        assertTrue(offer.tooWeak().isEmpty());
    }

    @Test
    void portalAllowingOnlyTheCertificateButNeedingHighIsUnreachable() {
        MethodOffer offer = MethodOffer.of(BOTH, allowing("certificate"), Set.of(LevelOfAssurance.HIGH));

        assertTrue(offer.unreachable());
        assertEquals(List.of(CERTIFICATE), offer.tooWeak());
    }

    @Test
    void reachableOfferIsNotUnreachable() {
        assertFalse(MethodOffer.of(BOTH, allowing("rekono"), Set.of(LevelOfAssurance.HIGH)).unreachable());
    }

    @Test
    void requestAcceptingNoLevelIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> MethodOffer.of(BOTH, allowing("rekono"), Set.of()));
    }
}
