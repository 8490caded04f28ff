package si.bankart.prehod.session;

import si.bankart.prehod.protocol.EntityId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.sp.NameIdFormat;

class SsoSessionTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final SsoSession SESSION = new SsoSession("id", "ana", "test", LevelOfAssurance.LOW, T, T,
            T.plusSeconds(3600), List.of());

    @Test
    void withAddsAServiceProvider() {
        SpSession a = new SpSession(EntityId.of("https://sp.test/a"), "_1", "n", NameIdFormat.PERSISTENT);
        assertEquals(Optional.of(a), SESSION.with(a).serviceProvider(EntityId.of("https://sp.test/a")));
        assertEquals(Optional.empty(), SESSION.serviceProvider(EntityId.of("https://sp.test/a")));
    }

    @Test
    void withReplacesTheSameServiceProvider() {
        SpSession first = new SpSession(EntityId.of("https://sp.test/a"), "_1", "n", NameIdFormat.PERSISTENT);
        SpSession second = new SpSession(EntityId.of("https://sp.test/a"), "_2", "t", NameIdFormat.TRANSIENT);
        assertEquals(List.of(second), SESSION.with(first).with(second).serviceProviders());
    }
}
