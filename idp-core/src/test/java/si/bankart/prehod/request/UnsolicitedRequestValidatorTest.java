package si.bankart.prehod.request;

import java.util.Optional;
import si.bankart.prehod.protocol.RelayState;
import si.bankart.prehod.protocol.SamlStatus;
import si.bankart.prehod.protocol.RequestRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.NameIdFormat;
import si.bankart.prehod.sp.ServiceProviderRegistry;
import si.bankart.prehod.testing.TestPolicy;
import si.bankart.prehod.testing.TestServiceProvider;

class UnsolicitedRequestValidatorTest {

    private static final TestServiceProvider OPEN = TestServiceProvider.named("unsolicited-open");
    private static final TestServiceProvider CLOSED = TestServiceProvider.named("unsolicited-closed");

    private final UnsolicitedRequestValidator validator = new UnsolicitedRequestValidator(new ServiceProviderRegistry(
            List.of(OPEN.metadata(), CLOSED.metadata()),
            List.of(TestPolicy.of(OPEN).minimumLoa(LevelOfAssurance.SUBSTANTIAL).build(),
                    TestPolicy.of(CLOSED).allowUnsolicited(false).build())), 80);

    private void assertRejectedWithoutReply(RequestRejected thrown, SamlStatus status) {
        assertEquals(status, thrown.status());
        assertTrue(thrown.replyTo().isEmpty());
    }

    @Test
    void spThatAllowsItGetsARequestToItsDefaultAcsWithoutRequestId() throws Exception {
        assertEquals(new SsoRequest(OPEN.id(), OPEN.acsUrl(), Optional.empty(), Optional.of(RelayState.of("/home")), false, false,
                Set.of(LevelOfAssurance.SUBSTANTIAL, LevelOfAssurance.HIGH), NameIdFormat.PERSISTENT),
                validator.validate(OPEN.entityId(), "/home"));
    }

    @Test
    void unknownProviderIdIsRefusedWithoutReply() {
        assertRejectedWithoutReply(assertThrows(RequestRejected.class,
                () -> validator.validate("https://sp.test/unknown", null)), SamlStatus.REQUESTER_REQUEST_DENIED);
    }

    @Test
    void missingBlankOrPaddedProviderIdIsRefusedAsUnknownWithoutReply() {
        for (String providerId : new String[] {null, "", " ", " " + OPEN.entityId()}) {
            assertRejectedWithoutReply(assertThrows(RequestRejected.class,
                    () -> validator.validate(providerId, null)), SamlStatus.REQUESTER_REQUEST_DENIED);
        }
    }

    @Test
    void spThatDoesNotAllowItIsRefusedWithoutReply() {
        assertRejectedWithoutReply(assertThrows(RequestRejected.class,
                () -> validator.validate(CLOSED.entityId(), null)), SamlStatus.REQUESTER_REQUEST_DENIED);
    }

    @Test
    void targetOf81BytesIsRefusedWithoutReply() {
        assertRejectedWithoutReply(assertThrows(RequestRejected.class,
                () -> validator.validate(OPEN.entityId(), "t".repeat(81))), SamlStatus.REQUESTER);
    }
}
