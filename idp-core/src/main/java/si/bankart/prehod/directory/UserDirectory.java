package si.bankart.prehod.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bank's users as the IdP knows them (a file directory; an LDAP one can take its place later), found by id, by a
 * linked Rekono account, or by a linked certificate. A Rekono account or certificate linked to two users stops
 * start-up: it would otherwise log in as whichever came first.
 */
public final class UserDirectory {

    private final Map<String, User> byId;
    private final Map<RekonoIdentity, User> byRekono;
    private final Map<String, User> byCertificate;

    public UserDirectory(List<User> users) {
        Map<String, User> ids = new HashMap<>();
        Map<RekonoIdentity, User> rekono = new HashMap<>();
        Map<String, User> certificates = new HashMap<>();
        for (User user : users) {
            if (ids.put(user.id(), user) != null) {
                throw new IllegalArgumentException("user id " + user.id() + " appears twice");
            }
            for (RekonoIdentity identity : user.rekono()) {
                User other = rekono.put(identity, user);
                if (other != null) {
                    throw new IllegalArgumentException("Rekono account " + identity.subject() + " is linked to both "
                            + other.id() + " and " + user.id());
                }
            }
            for (String certificate : user.certificates()) {
                User other = certificates.put(certificate, user);
                if (other != null) {
                    throw new IllegalArgumentException("certificate " + certificate + " is linked to both " + other.id()
                            + " and " + user.id());
                }
            }
        }
        this.byId = Map.copyOf(ids);
        this.byRekono = Map.copyOf(rekono);
        this.byCertificate = Map.copyOf(certificates);
    }

    public Optional<User> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public Optional<User> findByRekono(RekonoIdentity identity) {
        return Optional.ofNullable(byRekono.get(identity));
    }

    public Optional<User> findByCertificate(String mappedValue) {
        return mappedValue == null ? Optional.empty() : Optional.ofNullable(byCertificate.get(mappedValue));
    }
}
