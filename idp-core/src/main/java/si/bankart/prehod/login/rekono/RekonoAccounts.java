package si.bankart.prehod.login.rekono;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.directory.User;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.linking.AccountLinks;

/**
 * Finds the bank user a Rekono account logs in as: by the linked identity (issuer + sub, OIDC Core §2: the only stable
 * identifier) in conf/users.yaml or among the links made at run time (activation code, certificate), or, when {@code linkByVerifiedEmail} is on, as a first-time link by a verified e-mail equal to exactly
 * one user's {@code mail} attribute, and only for a user who has no Rekono account of this issuer linked yet (so a
 * second Rekono account with the same e-mail cannot take over a linked user).
 */
public final class RekonoAccounts {

    /** The user attribute compared with a verified e-mail. */
    public static final String MAIL_ATTRIBUTE = "mail";

    private final UserDirectory directory;
    private final List<User> users;
    private final boolean linkByVerifiedEmail;
    private final AccountLinks links;

    /**
     * @param users every user of {@code directory}; read only when {@code linkByVerifiedEmail} is on
     * @param links the links made at run time, read on every login (the command line may have changed them)
     */
    public RekonoAccounts(UserDirectory directory, List<User> users, boolean linkByVerifiedEmail, AccountLinks links) {
        this.directory = directory;
        this.users = List.copyOf(users);
        this.linkByVerifiedEmail = linkByVerifiedEmail;
        this.links = links;
    }

    Optional<User> find(RekonoIdentity identity, Optional<String> verifiedEmail) {
        Optional<User> linked = directory.findByRekono(identity).or(() -> links.userOf(identity).flatMap(directory::find));
        if (linked.isPresent() || !linkByVerifiedEmail || verifiedEmail.isEmpty()) {
            return linked;
        }
        String email = verifiedEmail.get().trim().toLowerCase(Locale.ROOT);
        List<User> matches = users.stream()
                .filter(user -> user.attribute(MAIL_ATTRIBUTE).map(m -> m.trim().toLowerCase(Locale.ROOT).equals(email)).orElse(false))
                .toList();
        if (matches.size() != 1) {
            return Optional.empty();
        }
        User user = matches.get(0);
        boolean alreadyLinked = user.rekono().stream().anyMatch(r -> r.issuer().equals(identity.issuer()));
        return alreadyLinked ? Optional.empty() : Optional.of(user);
    }
}
