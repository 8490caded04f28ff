package si.bankart.prehod.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class EscapeHtmlReferencesTest {

    @Test
    void escapesEachOfTheFiveSpecialCharacters() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", EscapeHtmlReferences.escape("a&b<c>d\"e'f"));
    }

    @Test
    void escapesASpecialCharacterAtEitherEnd() {
        assertEquals("&lt;abc", EscapeHtmlReferences.escape("<abc"));
        assertEquals("abc&gt;", EscapeHtmlReferences.escape("abc>"));
    }

    @Test
    void returnsTheSameStringWhenNothingNeedsEscaping() {
        String base64 = "PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM6dGM6U0FNTDoyLjA6cHJvdG9jb2wiLz4=+/";
        assertSame(base64, EscapeHtmlReferences.escape(base64));
        assertEquals("Ana Kovač", EscapeHtmlReferences.escape("Ana Kovač"));
        assertEquals("", EscapeHtmlReferences.escape(""));
    }
}
