package si.bankart.prehod.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.directory.RekonoIdentity;
import si.bankart.prehod.linking.AccountLinking;
import si.bankart.prehod.linking.AccountLinkingConfig;
import si.bankart.prehod.linking.AccountLinks;
import si.bankart.prehod.linking.ActivationCodes;
import si.bankart.prehod.linking.LinkOutcome;
import si.bankart.prehod.loa.LevelOfAssurance;
import si.bankart.prehod.login.rekono.RekonoOutcome;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RedisConfig;
import si.bankart.prehod.storage.RedisStorageService;
import si.bankart.prehod.testing.RunningRedis;
import si.bankart.prehod.testing.Folders;

/**
 * {@code ./prehod users invite|list|unlink} against the shared store (store: redis in idp.yaml), with a real
 * redis-server: the code it prints links an account at an IdP node on the same Redis, list shows the link, unlink
 * removes it for that node too. The project's conf/ as an operator has it, TLS password variable unset.
 */
class UsersCommandTest {

    private static final String ISSUER = "https://rekono.test/";

    @TempDir
    Path home;

    private RunningRedis redis;
    private RedisStorageService node;

    @BeforeEach
    void redisAndHome() throws Exception {
        redis = RunningRedis.start();
        Folders.copy(Path.of("..", "conf"), home.resolve("conf"));
        Files.writeString(home.resolve("conf/idp.yaml"), Files.readString(home.resolve("conf/idp.yaml")) + """

                store:
                  type: redis
                  redis:
                    host: 127.0.0.1
                    port: %d
                    keyPrefix: users-test
                """.formatted(redis.port()));
        node = RedisStorageService.connect(RedisConfig.single("127.0.0.1", redis.port(), "users-test"),
                new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        node.close();
        redis.close();
    }

    @Test
    void invitedCodeLinksAtAnIdpNodeOnTheSameRedisAndListAndUnlinkSeeTheLink() throws Exception {
        String invited = users("invite", "u1001");
        Matcher code = Pattern.compile("([A-Z2-9]{4}(-[A-Z2-9]{4}){3})").matcher(invited);
        assertTrue(code.find(), invited);
        assertFalse(redis.command("KEYS", "*").contains(code.group(1).replace("-", "")), "only the code's hash is stored");

        AccountLinkingConfig config = AccountLinkingConfig.defaults();
        AccountLinking linking = new AccountLinking(config, new ActivationCodes(node, config.codeLifetime(),
                Clock.systemUTC(), new SecureRandom()), new AccountLinks(node), node, node, new AuditLog(),
                Clock.systemUTC(), new RandomIds(new SecureRandom()));
        String waiting = linking.await(new RekonoOutcome.Unlinked("pending-1", new RekonoIdentity(ISSUER, "rk-cli"),
                "cli@example.si", LevelOfAssurance.SUBSTANTIAL, Instant.now(), "id.token", List.of("pwd")));
        assertInstanceOf(LinkOutcome.Linked.class, linking.redeem(waiting, code.group(1), "127.0.0.1"));

        String listed = users("list");
        assertTrue(listed.contains("    rekono " + ISSUER + " rk-cli  cli@example.si  linked "), listed);

        String unlinked = users("unlink", "u1001");
        assertTrue(unlinked.contains("Unlinked " + ISSUER + " rk-cli from u1001"), unlinked);
        assertEquals(Optional.empty(), new AccountLinks(node).userOf(new RekonoIdentity(ISSUER, "rk-cli")));
        assertFalse(users("list").contains("rk-cli"));
    }

    @Test
    void unlinkOfAUserWithoutRunTimeLinksSaysSoAndFails() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (UsersCommand command = new UsersCommand(home, Clock.systemUTC(), new PrintStream(out, true,
                StandardCharsets.UTF_8))) {
            assertEquals(1, command.run(List.of("unlink", "u1002")));
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("No Rekono account linked to u1002"), out.toString());
    }

    private String users(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (UsersCommand command = new UsersCommand(home, Clock.systemUTC(), new PrintStream(out, true,
                StandardCharsets.UTF_8))) {
            assertEquals(0, command.run(List.of(args)), out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
