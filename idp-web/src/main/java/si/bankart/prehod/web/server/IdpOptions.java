package si.bankart.prehod.web.server;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.web.login.LoginMethodEndpoint;

/**
 * How to start one IdP.
 *
 * @param home               the installation folder: conf/, metadata/, templates/, var/ are relative to it
 * @param configFile         conf/idp.yaml or another
 * @param environment        where ${VARIABLES} in the configuration come from
 * @param httpsPort          overrides server.httpsPort when not null (command line, tests)
 * @param publicBaseUrl      overrides publicBaseUrl when not null (a sandbox on other ports)
 * @param extraLoginMethods  login methods beyond the configured ones (tests add a test-only method here)
 * @param managementPort     overrides management.port when not null (command line, tests: 0)
 */
public record IdpOptions(Path home, Path configFile, Map<String, String> environment, Clock clock, SecureRandom random,
        Integer httpsPort, URI publicBaseUrl, List<LoginMethodEndpoint> extraLoginMethods, Integer managementPort) {

    public IdpOptions {
        environment = Map.copyOf(environment);
        extraLoginMethods = List.copyOf(extraLoginMethods);
    }

    /** Without a management port override: management.port from the configuration. */
    public IdpOptions(Path home, Path configFile, Map<String, String> environment, Clock clock, SecureRandom random,
            Integer httpsPort, URI publicBaseUrl, List<LoginMethodEndpoint> extraLoginMethods) {
        this(home, configFile, environment, clock, random, httpsPort, publicBaseUrl, extraLoginMethods, null);
    }

    /** The configuration file, read and checked, with this start's overrides applied. */
    public IdpConfig config(YamlFiles yaml) {
        IdpConfig config = yaml.read(configFile, IdpConfig.class);
        if (publicBaseUrl != null) {
            config = config.withPublicBaseUrl(publicBaseUrl);
        }
        if (managementPort != null) {
            config = config.withManagementPort(managementPort);
        }
        return config;
    }

    public static IdpOptions defaults(Path home) {
        return new IdpOptions(home, home.resolve("conf/idp.yaml"), System.getenv(), Clock.systemUTC(), new SecureRandom(),
                null, null, List.of(), null);
    }
}
