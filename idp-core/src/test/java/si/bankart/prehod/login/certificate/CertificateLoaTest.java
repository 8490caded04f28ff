package si.bankart.prehod.login.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;

class CertificateLoaTest {

    private static final String QUALIFIED = "0.4.0.194112.1.2";
    private static final NamedTrustAnchor ROOT = new NamedTrustAnchor("root.pem", TestCertificates.root().certificate());
    private static final NamedTrustAnchor OTHER = new NamedTrustAnchor("other.pem", TestCertificates.otherRoot().certificate());
    private static final TrustAnchors BOTH = new TrustAnchors(List.of(ROOT, OTHER), List.of());

    private static CertificateLoa loa(LevelOfAssurance fallback, Map<String, LevelOfAssurance> anchors,
                                      Map<String, LevelOfAssurance> policies) {
        return new CertificateLoa(new LoaConfig(fallback, anchors, policies), BOTH);
    }

    @Test
    void ofWhenNoRuleMatchesThenDefault() {
        assertEquals(LevelOfAssurance.LOW, loa(LevelOfAssurance.LOW, Map.of("other.pem", LevelOfAssurance.HIGH), Map.of())
                .of(ROOT, Set.of()));
    }

    @Test
    void ofWhenAnchorNamedByFileThenItsLevel() {
        assertEquals(LevelOfAssurance.SUBSTANTIAL,
                loa(LevelOfAssurance.LOW, Map.of("root.pem", LevelOfAssurance.SUBSTANTIAL), Map.of()).of(ROOT, Set.of()));
    }

    @Test
    void ofWhenAnchorNamedByDnThenItsLevel() {
        assertEquals(LevelOfAssurance.SUBSTANTIAL, loa(LevelOfAssurance.LOW,
                Map.of("CN=Test Root CA, O=Test Bank, C=SI", LevelOfAssurance.SUBSTANTIAL), Map.of()).of(ROOT, Set.of()));
    }

    @Test
    void ofWhenQualifiedPolicyAboveAnchorLevelThenHighestApplies() {
        CertificateLoa rules = loa(LevelOfAssurance.LOW, Map.of("root.pem", LevelOfAssurance.SUBSTANTIAL),
                Map.of(QUALIFIED, LevelOfAssurance.HIGH));
        assertEquals(LevelOfAssurance.HIGH, rules.of(ROOT, Set.of("2.999.1", QUALIFIED)));
        assertEquals(LevelOfAssurance.SUBSTANTIAL, rules.of(ROOT, Set.of("2.999.1")));
    }

    @Test
    void ofWhenPolicyLevelBelowAnchorLevelThenAnchorLevel() {
        assertEquals(LevelOfAssurance.HIGH, loa(LevelOfAssurance.LOW, Map.of("root.pem", LevelOfAssurance.HIGH),
                Map.of(QUALIFIED, LevelOfAssurance.LOW)).of(ROOT, Set.of(QUALIFIED)));
    }

    @Test
    void constructWhenConfigNamesUnknownAnchorThenStartUpStops() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loa(LevelOfAssurance.LOW, Map.of("acnlb.pem", LevelOfAssurance.HIGH), Map.of()));
        assertTrue(e.getMessage().startsWith("loa.trustAnchors names 'acnlb.pem', which is no trust anchor"), e.getMessage());
    }
}
