package si.bankart.prehod.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class RandomIdsTest {

    private final RandomIds ids = new RandomIds(new SecureRandom());

    @Test
    void tokenIs256BitsUrlSafe() {
        String token = ids.token();
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertNotEquals(token, ids.token());
    }

    @Test
    void samlIdIsAnNcNameThatDoesNotStartWithADigit() {
        String id = ids.samlId();
        assertTrue(id.matches("_[0-9a-f]{40}"), id);
    }

    @Test
    void incidentIsReadableOnThePhone() {
        String incident = ids.incident();
        assertTrue(incident.matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"), incident);
    }
}
