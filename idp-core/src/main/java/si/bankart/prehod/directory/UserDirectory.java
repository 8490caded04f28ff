package si.bankart.prehod.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bank's users as the IdP knows them (a file directory; an LDAP one can take its place later). */
public final class UserDirectory {

    private final Map<String, User> byId;

    public UserDirectory(List<User> users) {
        Map<String, User> map = new HashMap<>();
        for (User user : users) {
            if (map.put(user.id(), user) != null) {
                throw new IllegalArgumentException("user id " + user.id() + " appears twice");
            }
        }
        this.byId = Map.copyOf(map);
    }

    public Optional<User> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }
}
