package si.bankart.prehod.linking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.storage.RecordStore;
import si.bankart.prehod.storage.Sha256;

/**
 * The links made at run time, through the storage interface: one record per Rekono account (found at every login,
 * keyed by the hash of issuer + sub) and one per bank user listing theirs (for {@code users list|unlink}, since a
 * StorageService cannot enumerate). The account record is created only if absent, so an account can never be linked
 * to two users, even by two nodes at once.
 */
public final class AccountLinks {

    /** Links do not expire; the store needs a time. */
    private static final Instant KEPT = Instant.parse("9000-01-01T00:00:00Z");

    private final RecordStore<AccountLink> byAccount;
    private final RecordStore<UserLinks> byUser;

    public AccountLinks(StorageService storage) {
        this.byAccount = new RecordStore<>(storage, "account-link", AccountLink.class);
        this.byUser = new RecordStore<>(storage, "user-links", UserLinks.class);
    }

    public Optional<String> userOf(RekonoIdentity identity) {
        return byAccount.read(key(identity)).map(AccountLink::userId);
    }

    /** Links {@code link}'s account to its user; false when the account is linked already (to anyone). */
    public boolean link(AccountLink link) {
        if (!byAccount.create(key(new RekonoIdentity(link.issuer(), link.subject())), link, KEPT)) {
            return false;
        }
        List<AccountLink> links = new ArrayList<>(of(link.userId()));
        links.add(link);
        if (links.size() == 1) {
            byUser.create(link.userId(), new UserLinks(links), KEPT);
        } else {
            byUser.update(link.userId(), new UserLinks(links), KEPT);
        }
        return true;
    }

    public List<AccountLink> of(String userId) {
        return byUser.read(userId).map(UserLinks::links).orElse(List.of());
    }

    /**
     * Removes the user's links, or only the one of the account with {@code subject}.
     *
     * @return the links removed
     */
    public List<AccountLink> unlink(String userId, Optional<String> subject) {
        List<AccountLink> kept = new ArrayList<>();
        List<AccountLink> removed = new ArrayList<>();
        for (AccountLink link : of(userId)) {
            (subject.isEmpty() || subject.get().equals(link.subject()) ? removed : kept).add(link);
        }
        for (AccountLink link : removed) {
            byAccount.delete(key(new RekonoIdentity(link.issuer(), link.subject())));
        }
        if (kept.isEmpty()) {
            byUser.delete(userId);
        } else {
            byUser.update(userId, new UserLinks(kept), KEPT);
        }
        return removed;
    }

    private static String key(RekonoIdentity identity) {
        return Sha256.hex(identity.issuer() + "\n" + identity.subject());
    }

    /** The per-user list, as stored. */
    record UserLinks(List<AccountLink> links) {
        UserLinks {
            links = links == null ? List.of() : List.copyOf(links);
        }
    }
}
