package si.bankart.prehod.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    private static final User ANA = new User("ana", Map.of("mail", "ana@bank.test"));

    @Test
    void findsAUserById() {
        assertEquals(Optional.of(ANA), new UserDirectory(List.of(ANA)).find("ana"));
    }

    @Test
    void findsNobodyForUnknownOrNullId() {
        UserDirectory directory = new UserDirectory(List.of(ANA));
        assertEquals(Optional.empty(), directory.find("bor"));
        assertEquals(Optional.empty(), directory.find(null));
    }

    @Test
    void refusesTheSameIdTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UserDirectory(List.of(ANA, new User("ana", Map.of()))));
        assertTrue(e.getMessage().contains("ana"), e.getMessage());
    }

    @Test
    void refusesAUserWithoutId() {
        assertThrows(IllegalArgumentException.class, () -> new User(" ", Map.of()));
    }
}
