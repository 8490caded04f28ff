package si.bankart.prehod.login.rekono;

import si.bankart.prehod.testing.Folders;
import si.bankart.prehod.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opensaml.storage.StorageService;

import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.directory.User;
import si.bankart.prehod.directory.UserDirectory;
import si.bankart.prehod.linking.AccountLinks;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.rekono.RekonoOutcome.Rejected;
import si.bankart.prehod.login.rekono.RekonoStart.Redirect;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RandomIds;

/**
 * A broker wired to a {@link TestOp} over HTTPS, with a directory of three users: u1001 linked to the OP's default
 * subject, u1002 not linked (mail marija.kovac@example.si), u1003 linked to another Rekono account.
 * <p>
 * A test registers one per test method ({@code @RegisterExtension final BrokerHarness harness = new BrokerHarness();})
 * and gets a fresh provider, home folder and store each time; it is closed and its home deleted after each test.
 */
final class BrokerHarness implements AutoCloseable, AfterEachCallback {

    static final String PENDING = "pending-login-1";
    static final Set<LevelOfAssurance> SUBSTANTIAL_OR_BETTER = Set.of(LevelOfAssurance.SUBSTANTIAL, LevelOfAssurance.HIGH);

    /** Near the real time: OpenSAML's in-memory storage expires records by the system clock. */
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final TestOp op;
    final Path home;
    final TestRekonoConfig config;
    final StorageService storage = InMemoryStorage.create("rekono-test");
    private RekonoBroker broker;

    BrokerHarness() {
        this.home = Folders.temporary("prehod-broker-");
        try {
            this.op = new TestOp(clock);
            TestTls.get().writeCaPem(home.resolve("op-root.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.config = new TestRekonoConfig(op.issuer);
    }

    RekonoBroker broker() {
        if (broker == null) {
            String issuer = op.issuer.toString();
            List<User> users = List.of(
                    new User("u1001", Map.of("mail", "janez.novak@example.si"),
                            List.of(new RekonoIdentity(issuer, TestOp.SUBJECT)), List.of()),
                    new User("u1002", Map.of("mail", "marija.kovac@example.si")),
                    new User("u1003", Map.of("mail", "peter.horvat@example.si"),
                            List.of(new RekonoIdentity(issuer, "rekono-sub-1003")), List.of()));
            RekonoConfig built = config.build();
            broker = new RekonoBroker(built, home, storage,
                    new RekonoAccounts(new UserDirectory(users), users, built.linkByVerifiedEmail(),
                            new AccountLinks(storage)), new AuditLog(), clock,
                    new RandomIds(new SecureRandom()));
        }
        return broker;
    }

    Redirect start(Set<LevelOfAssurance> acceptable, boolean forceAuthn) {
        RekonoStart start = broker().start(PENDING, acceptable, forceAuthn, Optional.of("sl"), Optional.empty());
        return assertInstanceOf(Redirect.class, start, () -> "start refused: " + start);
    }

    Redirect start() {
        return start(SUBSTANTIAL_OR_BETTER, false);
    }

    /** The callback as the web layer hands it over: through the method object, to the broker's decision. */
    RekonoOutcome callback(Map<String, List<String>> parameters, Redirect redirect) {
        return new RekonoMethod(broker(), LevelOfAssurance.HIGH, null)
                .decide(new RekonoCallback(parameters, Optional.of(redirect.browserBinding())), "127.0.0.1");
    }

    RekonoOutcome complete(Redirect redirect) {
        return callback(op.authorize(redirect.authorizationUrl()), redirect);
    }

    RekonoOutcome login() {
        return complete(start());
    }

    static Rejected assertRejected(RekonoOutcome outcome, RejectionReason reason) {
        Rejected rejected = assertInstanceOf(Rejected.class, outcome, () -> "expected " + reason + ", was " + outcome);
        assertEquals(reason, rejected.reason(), () -> "detail: " + rejected.detail());
        return rejected;
    }

    static Rejected assertRejected(RekonoStart start, RejectionReason reason) {
        Rejected rejected = assertInstanceOf(Rejected.class, start, () -> "expected " + reason + ", was " + start);
        assertEquals(reason, rejected.reason(), () -> "detail: " + rejected.detail());
        return rejected;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
        Folders.deleteQuietly(home);
    }

    @Override
    public void close() {
        op.close();
    }
}
