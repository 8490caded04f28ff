package si.bankart.prehod.web;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.opensaml.storage.StorageService;

import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.directory.User;
import si.bankart.prehod.directory.UsersFile;
import si.bankart.prehod.linking.AccountLink;
import si.bankart.prehod.linking.AccountLinkingConfig;
import si.bankart.prehod.linking.AccountLinks;
import si.bankart.prehod.linking.ActivationCodes;
import si.bankart.prehod.storage.FileStorage;
import si.bankart.prehod.storage.Store;
import si.bankart.prehod.storage.StoreConfig;
import si.bankart.prehod.storage.StoreFactory;

/**
 * {@code ./prehod users invite|list|unlink}: the bank's side of linking Rekono accounts. Works on the same store as
 * the IdP (the shared store of idp.yaml, else the file of conf/account-linking.yaml), whether or not the IdP runs; a running IdP sees a new code or a removed link
 * at its next use. Codes are printed once and stored only as hashes; invites and unlinks go to the audit trail.
 */
public final class UsersCommand implements AutoCloseable {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

    private final List<User> users;
    private final AccountLinkingConfig config;
    private final StorageService store;
    /** What closes the store: the Redis connection, or nothing for the file. */
    private final AutoCloseable closer;
    private final Clock clock;
    private final PrintStream out;
    private final AuditLog audit = new AuditLog();

    public UsersCommand(Path home, Clock clock, PrintStream out) throws IOException {
        Path idpYaml = home.resolve("conf/idp.yaml");
        YamlFiles yaml = new YamlFiles(environmentFor(idpYaml));
        IdpConfig idp = yaml.read(idpYaml, IdpConfig.class);
        this.users = yaml.read(home.resolve(idp.users()), UsersFile.class).users();
        this.config = idp.accountLinking() == null ? AccountLinkingConfig.defaults()
                : yaml.read(home.resolve(idp.accountLinking()), AccountLinkingConfig.class);
        if (idp.store().shared()) {
            Store shared = StoreFactory.open(sharedStore(idpYaml), new SimpleMeterRegistry());
            this.store = shared.storage();
            this.closer = shared;
        } else {
            this.store = FileStorage.open(home.resolve(config.store()), "prehod-users-command");
            this.closer = () -> { };
        }
        this.clock = clock;
        this.out = out;
    }

    /**
     * Where the IdP keeps links and codes when idp.yaml names a shared store (Redis): its section read again with the
     * real environment, since its password is needed now. A variable only other sections use (the TLS password) may
     * stay unset, as for the file store.
     */
    private static StoreConfig sharedStore(Path idpYaml) throws IOException {
        return new YamlFiles(environmentFor(idpYaml)).read(idpYaml, IdpConfig.class).store();
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new IllegalStateException("the store's connection did not close", e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path home = Path.of(".");
        int status;
        try {
            try (UsersCommand command = new UsersCommand(home, Clock.systemUTC(), System.out)) {
                status = command.run(List.of(args));
            }
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    public int run(List<String> args) {
        String command = args.isEmpty() ? "--help" : args.get(0);
        switch (command) {
            case "invite" -> {
                return args.size() == 2 ? invite(args.get(1)) : usage();
            }
            case "list" -> {
                return args.size() == 1 ? list() : usage();
            }
            case "unlink" -> {
                return args.size() == 2 || args.size() == 3
                        ? unlink(args.get(1), args.size() == 3 ? Optional.of(args.get(2)) : Optional.empty()) : usage();
            }
            default -> {
                return usage();
            }
        }
    }

    private int invite(String userId) {
        if (user(userId).isEmpty()) {
            return unknown(userId);
        }
        ActivationCodes.IssuedCode issued = new ActivationCodes(store, config.codeLifetime(), clock, new SecureRandom())
                .issue(userId);
        audit.record(new AuditEvent(clock.instant(), "account-invite", null, userId, "rekono", null, "issued", null,
                "command-line"));
        out.println("Activation code for " + userId + ": " + issued.code());
        out.println("Valid until " + issued.expires() + ", once. Give it to the user only; it is not shown again.");
        return 0;
    }

    private int list() {
        AccountLinks links = new AccountLinks(store);
        for (User user : users) {
            out.println(user.id() + "  " + user.attribute("displayName").orElse(""));
            for (RekonoIdentity identity : user.rekono()) {
                out.println("    rekono " + identity.issuer() + " " + identity.subject() + "  (conf/users.yaml)");
            }
            for (AccountLink link : links.of(user.id())) {
                out.println("    rekono " + link.issuer() + " " + link.subject() + "  " + link.accountLabel() + "  linked "
                        + link.linked() + " by " + link.via());
            }
            for (String certificate : user.certificates()) {
                out.println("    certificate " + certificate + "  (conf/users.yaml)");
            }
        }
        return 0;
    }

    private int unlink(String userId, Optional<String> subject) {
        if (user(userId).isEmpty()) {
            return unknown(userId);
        }
        List<AccountLink> removed = new AccountLinks(store).unlink(userId, subject);
        if (removed.isEmpty()) {
            out.println("No Rekono account linked to " + userId + subject.map(s -> " with subject " + s).orElse("")
                    + " by activation code or certificate (links in conf/users.yaml are changed there).");
            return 1;
        }
        for (AccountLink link : removed) {
            audit.record(new AuditEvent(clock.instant(), "account-unlink", null, userId, "rekono", null, "unlinked", null,
                    "command-line"));
            out.println("Unlinked " + link.issuer() + " " + link.subject() + " from " + userId);
        }
        return 0;
    }

    private Optional<User> user(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    private int unknown(String userId) {
        out.println("No bank user " + userId + " in conf/users.yaml (./prehod users list shows them).");
        return 1;
    }

    private int usage() {
        out.println("""
                usage: ./prehod users <command>
                  invite <bank-user-id>          print a one-time activation code that links a new Rekono account
                  list                           bank users and their linked Rekono accounts and certificates
                  unlink <bank-user-id> [<sub>]  remove the user's linked Rekono accounts (or only the one with <sub>)""");
        return 2;
    }

    /**
     * The command line reads only paths from conf/idp.yaml, never its secrets: a variable that is not set stands in
     * with a placeholder instead of stopping the command.
     */
    private static Map<String, String> environmentFor(Path idpYaml) throws IOException {
        Map<String, String> environment = new HashMap<>(System.getenv());
        Matcher variables = VARIABLE.matcher(Files.readString(idpYaml));
        while (variables.find()) {
            environment.putIfAbsent(variables.group(1), "not-read-by-the-command-line");
        }
        return environment;
    }
}
