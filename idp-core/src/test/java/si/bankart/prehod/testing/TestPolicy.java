package si.bankart.prehod.testing;

import java.util.List;
import java.util.Map;

import si.bankart.prehod.config.LocalizedText;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.RegisteredSp;
import si.bankart.prehod.sp.RelyingPartyPolicy;

/**
 * A relying-party policy for a test SP, "start valid, change one thing": the same defaults as
 * {@link TestServiceProvider#policy()} (login method "test", minimum low, persistent NameID, displayName and mail
 * released, nothing signed or encrypted beyond the assertion, unsolicited allowed).
 */
public final class TestPolicy {

    private final TestServiceProvider sp;
    private List<String> loginMethods = List.of("test");
    private LevelOfAssurance minimumLoa = LevelOfAssurance.LOW;
    private NameIdFormat nameIdFormat = NameIdFormat.PERSISTENT;
    private String nameIdSourceAttribute;
    private List<String> releasedAttributes = List.of("displayName", "mail");
    private boolean signResponse;
    private boolean encryptAssertion;
    private boolean requireSignedRequests;
    private boolean allowUnsolicited = true;
    private Map<LevelOfAssurance, String> authnContextClassRefs;

    private TestPolicy(TestServiceProvider sp) {
        this.sp = sp;
    }

    public static TestPolicy of(TestServiceProvider sp) {
        return new TestPolicy(sp);
    }

    public TestPolicy loginMethods(String... methods) {
        this.loginMethods = List.of(methods);
        return this;
    }

    public TestPolicy minimumLoa(LevelOfAssurance value) {
        this.minimumLoa = value;
        return this;
    }

    public TestPolicy nameIdFormat(NameIdFormat value) {
        this.nameIdFormat = value;
        return this;
    }

    public TestPolicy nameIdSourceAttribute(String value) {
        this.nameIdSourceAttribute = value;
        return this;
    }

    public TestPolicy releasedAttributes(String... names) {
        this.releasedAttributes = List.of(names);
        return this;
    }

    public TestPolicy signResponse(boolean value) {
        this.signResponse = value;
        return this;
    }

    public TestPolicy encryptAssertion(boolean value) {
        this.encryptAssertion = value;
        return this;
    }

    public TestPolicy requireSignedRequests(boolean value) {
        this.requireSignedRequests = value;
        return this;
    }

    public TestPolicy allowUnsolicited(boolean value) {
        this.allowUnsolicited = value;
        return this;
    }

    public TestPolicy authnContextClassRefs(Map<LevelOfAssurance, String> value) {
        this.authnContextClassRefs = value;
        return this;
    }

    public RelyingPartyPolicy build() {
        return new RelyingPartyPolicy(sp.entityId(), new LocalizedText("Testni portal", "Test portal"), loginMethods,
                minimumLoa, nameIdFormat, nameIdSourceAttribute, releasedAttributes, signResponse, encryptAssertion,
                requireSignedRequests, allowUnsolicited, null, authnContextClassRefs);
    }

    /** The SP's metadata with this policy. */
    public RegisteredSp registered() {
        return new RegisteredSp(sp.metadata(), build());
    }
}
