package si.bankart.prehod.web.testing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import si.bankart.prehod.web.admin.AdminCommand;

/** Runs {@code prehod metadata …} / {@code prehod keys …} against a test IdP's installation and management port. */
public final class Admin {

    private Admin() {
    }

    /** What the command printed and its exit code. */
    public record Run(int exitCode, String output) {
    }

    /** @param running talk to the IdP's management connector; false: work on the files as with the IdP stopped */
    public static Run run(TestIdp idp, boolean running, String answer, String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--home", idp.home().toString(), "--management-port",
                String.valueOf(running ? idp.managementUri().getPort() : TestIdp.closedPort())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new AdminCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader(answer)), Map.of("TEST_TLS_PASSWORD", TestIdp.TLS_PASSWORD)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    public static Run run(TestIdp idp, String... words) {
        return run(idp, true, "", words);
    }
}
