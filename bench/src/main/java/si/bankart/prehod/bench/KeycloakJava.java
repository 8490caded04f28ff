package si.bankart.prehod.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Picks the JDK Keycloak runs on: Keycloak 26 refuses Java 17, the IdP's and the driver's version. */
final class KeycloakJava {

    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private KeycloakJava() {
    }

    static Path choose(Path asked) {
        if (asked != null) {
            if (!Files.isExecutable(asked.resolve("bin/java"))) {
                throw new IllegalStateException("no bin/java in " + asked);
            }
            return asked;
        }
        if (Files.isExecutable(TEMURIN_25.resolve("bin/java"))) {
            return TEMURIN_25;
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        throw new IllegalStateException("Keycloak needs Java 21 or later: --keycloak-java DIR or BENCH_KEYCLOAK_JAVA_HOME");
    }
}
