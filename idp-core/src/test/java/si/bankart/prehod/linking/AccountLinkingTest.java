package si.bankart.prehod.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.storage.StorageService;

import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.linking.ActivationCodes.CodeCheck;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.rekono.RekonoOutcome;
import si.bankart.prehod.storage.FileStorage;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.Sha256;
import si.bankart.prehod.testing.MutableClock;

class AccountLinkingTest {

    private static final String ISSUER = "https://rekono.test/";

    @TempDir
    Path dir;

    /** Near the real time: the stores expire records by the system clock. */
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final StorageService durable = InMemoryStorage.create("durable");
    private final StorageService sessions = InMemoryStorage.create("sessions");
    private final AccountLinkingConfig config = new AccountLinkingConfig(null, Duration.ofDays(7), null, 3, 5, null);
    private final ActivationCodes codes = new ActivationCodes(durable, config.codeLifetime(), clock, new SecureRandom());
    private final AccountLinks links = new AccountLinks(durable);
    private final AccountLinking linking = new AccountLinking(config, codes, links, durable, sessions, new AuditLog(), clock,
            new RandomIds(new SecureRandom()));

    @Test
    void issuedCodeIsStoredOnlyAsItsHash() throws Exception {
        FileStorage file = FileStorage.open(dir.resolve("links.json"), "file");
        String code = new ActivationCodes(file, Duration.ofDays(1), clock, new SecureRandom()).issue("u1001").code();

        String stored = Files.readString(dir.resolve("links.json"));
        String bare = code.replace("-", "");
        assertFalse(stored.contains(bare), stored);
        assertTrue(stored.contains(Sha256.hex(bare)), stored);
        assertTrue(code.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}"), code);
    }

    @Test
    void codeIsAcceptedOnceThenReportedAsUsed() {
        String code = codes.issue("u1001").code();

        assertEquals(new CodeCheck.Valid("u1001"), codes.redeem(code));
        assertInstanceOf(CodeCheck.Used.class, codes.redeem(code));
    }

    @Test
    void codeIsAcceptedAsTypedWithSpacesAndLowerCase() {
        String code = codes.issue("u1002").code();

        assertEquals(new CodeCheck.Valid("u1002"), codes.redeem(" " + code.toLowerCase().replace("-", " ") + " "));
    }

    @Test
    void codeAfterItsLifetimeIsReportedAsExpired() {
        String code = codes.issue("u1001").code();
        clock.advance(Duration.ofDays(7));

        assertInstanceOf(CodeCheck.Expired.class, codes.redeem(code));
    }

    @Test
    void codeJustBeforeItsLifetimeEndsIsAccepted() {
        String code = codes.issue("u1001").code();
        clock.advance(Duration.ofDays(7).minusSeconds(1));

        assertEquals(new CodeCheck.Valid("u1001"), codes.redeem(code));
    }

    @Test
    void unknownOrMalformedCodeIsUnknown() {
        codes.issue("u1001");

        assertInstanceOf(CodeCheck.Unknown.class, codes.redeem("AAAA-BBBB-CCCC-DDDD"));
        assertInstanceOf(CodeCheck.Unknown.class, codes.redeem("short"));
        assertInstanceOf(CodeCheck.Unknown.class, codes.redeem(null));
        assertInstanceOf(CodeCheck.Unknown.class, codes.redeem("0000-1111-OOOO-IIII"));
    }

    @Test
    void correctCodeLinksTheAccountAndCompletesTheWaitingLoginAsThatUser() {
        String code = codes.issue("u1001").code();
        String key = linking.await(unlinked("rk-new"));

        LinkOutcome.Linked linked = assertInstanceOf(LinkOutcome.Linked.class, linking.redeem(key, code, "127.0.0.1"));

        assertEquals("u1001", linked.login().userId());
        assertEquals("pending-1", linked.login().pendingLoginKey());
        assertEquals(LevelOfAssurance.SUBSTANTIAL, linked.login().loa());
        assertEquals(Optional.of("u1001"), links.userOf(new RekonoIdentity(ISSUER, "rk-new")));
        assertEquals(Optional.empty(), linking.waiting(key), "the waiting login is used up");
        assertEquals(List.of("rk-new"), links.of("u1001").stream().map(AccountLink::subject).toList());
    }

    @Test
    void wrongUsedAndExpiredCodesAreEachRefusedForWhatTheyAre() {
        String used = codes.issue("u1001").code();
        codes.redeem(used);
        String expired = codes.issue("u1002").code();
        clock.advance(Duration.ofDays(8));
        String key = linking.await(unlinked("rk-new"));

        assertRefused(LinkRefusal.WRONG_CODE, linking.redeem(key, "AAAA-BBBB-CCCC-DDDD", "127.0.0.1"));
        assertRefused(LinkRefusal.USED_CODE, linking.redeem(key, used, "127.0.0.1"));
        assertEquals(Optional.empty(), links.userOf(new RekonoIdentity(ISSUER, "rk-new")));
        assertTrue(linking.waiting(key).isPresent());
        String third = linking.waiting(key).map(w -> "" + w.wrongCodes()).orElseThrow();
        assertEquals("2", third);
        assertRefused(LinkRefusal.TOO_MANY_ATTEMPTS, linking.redeem(key, expired, "127.0.0.1"));
    }

    @Test
    void expiredCodeIsRefusedAsExpired() {
        String expired = codes.issue("u1002").code();
        clock.advance(Duration.ofDays(8));

        assertRefused(LinkRefusal.EXPIRED_CODE, linking.redeem(linking.await(unlinked("rk-new")), expired, "127.0.0.1"));
    }

    @Test
    void afterTooManyWrongCodesForOneLoginEvenTheCorrectCodeIsRefused() {
        String code = codes.issue("u1001").code();
        String key = linking.await(unlinked("rk-new"));
        for (int i = 0; i < 2; i++) {
            assertRefused(LinkRefusal.WRONG_CODE, linking.redeem(key, "AAAA-BBBB-CCCC-DDDD", "127.0.0.1"));
        }
        assertRefused(LinkRefusal.TOO_MANY_ATTEMPTS, linking.redeem(key, "AAAA-BBBB-CCCC-DDDD", "127.0.0.1"));

        assertRefused(LinkRefusal.TOO_MANY_ATTEMPTS, linking.redeem(key, code, "127.0.0.1"));
        assertEquals(new CodeCheck.Valid("u1001"), codes.redeem(code), "the refused attempt did not use the code up");
    }

    @Test
    void wrongCodesCountPerAccountAcrossNewLoginsUntilTheWindowPasses() {
        String code = codes.issue("u1001").code();
        for (int i = 0; i < 5; i++) {
            linking.redeem(linking.await(unlinked("rk-new")), "AAAA-BBBB-CCCC-DDDD", "127.0.0.1");
        }

        assertRefused(LinkRefusal.TOO_MANY_ATTEMPTS, linking.redeem(linking.await(unlinked("rk-new")), code, "127.0.0.1"));
        assertInstanceOf(LinkOutcome.Linked.class, linking.redeem(linking.await(unlinked("rk-other")), code, "127.0.0.1"),
                "another account is not limited by this one's failures");
    }

    @Test
    void windowOfAccountLimitEndsWithItsAttemptWindow() {
        String code = codes.issue("u1001").code();
        for (int i = 0; i < 5; i++) {
            linking.redeem(linking.await(unlinked("rk-new")), "AAAA-BBBB-CCCC-DDDD", "127.0.0.1");
        }
        clock.advance(config.attemptWindow());

        assertInstanceOf(LinkOutcome.Linked.class, linking.redeem(linking.await(unlinked("rk-new")), code, "127.0.0.1"));
    }

    @Test
    void unknownOrExpiredWaitingLoginIsRefusedAsExpired() {
        String code = codes.issue("u1001").code();
        String key = linking.await(unlinked("rk-new"));
        clock.advance(config.linkLifetime());

        assertRefused(LinkRefusal.LINK_EXPIRED, linking.redeem(key, code, "127.0.0.1"));
        assertRefused(LinkRefusal.LINK_EXPIRED, linking.redeem("no-such-key", code, "127.0.0.1"));
        assertRefused(LinkRefusal.LINK_EXPIRED, linking.redeem(null, code, "127.0.0.1"));
    }

    @Test
    void certificateLinksTheAccountToTheCertificatesUser() {
        String key = linking.await(unlinked("rk-new"));

        LinkOutcome.Linked linked = assertInstanceOf(LinkOutcome.Linked.class,
                linking.byCertificate(key, "u1003", "127.0.0.1"));

        assertEquals("u1003", linked.login().userId());
        assertEquals("certificate", links.of("u1003").get(0).via());
    }

    @Test
    void accountLinkedMeanwhileIsNotLinkedTwice() {
        String first = linking.await(unlinked("rk-new"));
        String second = linking.await(unlinked("rk-new"));
        linking.byCertificate(first, "u1003", "127.0.0.1");

        assertRefused(LinkRefusal.ALREADY_LINKED, linking.byCertificate(second, "u1001", "127.0.0.1"));
        assertEquals(Optional.of("u1003"), links.userOf(new RekonoIdentity(ISSUER, "rk-new")));
    }

    @Test
    void unlinkRemovesOneOrAllLinksOfAUser() {
        links.link(new AccountLink("u1001", ISSUER, "rk-a", "a@example.si", clock.instant(), "activation-code"));
        links.link(new AccountLink("u1001", ISSUER, "rk-b", "b@example.si", clock.instant(), "activation-code"));

        assertEquals(1, links.unlink("u1001", Optional.of("rk-a")).size());
        assertEquals(Optional.empty(), links.userOf(new RekonoIdentity(ISSUER, "rk-a")));
        assertEquals(Optional.of("u1001"), links.userOf(new RekonoIdentity(ISSUER, "rk-b")));
        assertEquals(1, links.unlink("u1001", Optional.empty()).size());
        assertEquals(List.of(), links.of("u1001"));
    }

    @Test
    void linksAndCodesSurviveReopeningTheFileAndAreSeenByAnotherInstanceAtOnce() throws Exception {
        Path file = dir.resolve("var/links/account-links.json");
        FileStorage idp = FileStorage.open(file, "idp");
        FileStorage commandLine = FileStorage.open(file, "cli");
        String code = new ActivationCodes(commandLine, Duration.ofDays(1), clock, new SecureRandom()).issue("u1001").code();

        assertEquals(new CodeCheck.Valid("u1001"),
                new ActivationCodes(idp, Duration.ofDays(1), clock, new SecureRandom()).redeem(code));
        new AccountLinks(idp).link(new AccountLink("u1001", ISSUER, "rk-a", "a@example.si", clock.instant(), "activation-code"));

        FileStorage reopened = FileStorage.open(file, "after-restart");
        assertEquals(Optional.of("u1001"), new AccountLinks(reopened).userOf(new RekonoIdentity(ISSUER, "rk-a")));
        assertInstanceOf(CodeCheck.Used.class, new ActivationCodes(reopened, Duration.ofDays(1), clock,
                new SecureRandom()).redeem(code));
    }

    private static void assertRefused(LinkRefusal reason, LinkOutcome outcome) {
        LinkOutcome.Refused refused = assertInstanceOf(LinkOutcome.Refused.class, outcome, () -> "was " + outcome);
        assertEquals(reason, refused.reason());
    }

    private RekonoOutcome.Unlinked unlinked(String subject) {
        return new RekonoOutcome.Unlinked("pending-1", new RekonoIdentity(ISSUER, subject), subject + "@example.si",
                LevelOfAssurance.SUBSTANTIAL, clock.instant(), "id.token.value", List.of("pwd", "sms"));
    }
}
