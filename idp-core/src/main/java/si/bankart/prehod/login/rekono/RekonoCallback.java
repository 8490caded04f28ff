package si.bankart.prehod.login.rekono;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rekono's authorization response as the browser brought it back: every query parameter with all its values (so a
 * repeated one is seen and refused), and the value of this browser's login-binding cookie, if it sent one.
 */
public record RekonoCallback(Map<String, List<String>> parameters, Optional<String> browserBinding) {

    public RekonoCallback {
        parameters = Map.copyOf(parameters);
    }
}
