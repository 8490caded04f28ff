package si.bankart.prehod.web.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.shibboleth.utilities.java.support.xml.ParserPool;

import si.bankart.prehod.admin.KeyAdministration;
import si.bankart.prehod.admin.MetadataAdministration;
import si.bankart.prehod.admin.MetadataCheck;
import si.bankart.prehod.admin.Onboarding;
import si.bankart.prehod.admin.PolicyFile;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.config.ConfigException;
import si.bankart.prehod.config.IdpConfig;
import si.bankart.prehod.config.YamlFiles;
import si.bankart.prehod.keys.DevKeyWriter;
import si.bankart.prehod.keys.KeyRing;
import si.bankart.prehod.keys.TrustedCas;
import si.bankart.prehod.sp.MetadataLoader;
import si.bankart.prehod.sp.SpCatalog;
import si.bankart.prehod.sp.SpMetadata;
import si.bankart.prehod.sp.source.MetadataRefused;
import si.bankart.prehod.sp.source.RemoteFetch;
import si.bankart.prehod.storage.InMemoryStorage;
import si.bankart.prehod.xml.OpenSamlRuntime;

/**
 * {@code ./prehod metadata add|list|check|remove|reload} and {@code ./prehod keys status|next|activate|retire}. Talks
 * to the running IdP over its management connector (management: in conf/idp.yaml); when none answers, works on
 * the files of the installation, which the IdP reads at its next start or reload. Exit codes: 0 done, 1 refused or
 * invalid metadata found, 2 wrong usage, 3 the IdP is not running (for {@code reload}); {@code metadata check}
 * (always offline) also 4 a saved copy of a remote source has expired, 5 warnings only (see {@link MetadataCheck}).
 */
public final class AdminCommand {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");
    private static final String USAGE = """
            usage: prehod metadata add FILE|URL [--yes] [--methods m1,m2] [--tls-trust CAS.pem]
                   prehod metadata list | check | reload
                   prehod metadata remove ENTITY_ID [--yes]
                   prehod keys status | next [--pkcs11-alias LABEL] | activate | retire
              options: --home DIR (the installation, default .)  --config FILE (default conf/idp.yaml)
                       --management-port N (default: management.port of the configuration)""";

    private final PrintStream out;
    private final BufferedReader in;
    private final Map<String, String> environment;
    private Path home = Path.of(".");
    private Path configFile;
    private boolean yes;
    private List<String> methods = List.of("rekono", "certificate");
    private Optional<String> tokenAlias = Optional.empty();
    private Path tlsTrust;
    private Integer managementPort;

    public AdminCommand(PrintStream out, BufferedReader in, Map<String, String> environment) {
        this.out = out;
        this.in = in;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new AdminCommand(System.out, new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8)), System.getenv()).run(List.of(args)));
    }

    public int run(List<String> args) {
        List<String> words = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--home" -> home = Path.of(args.get(++i));
                    case "--config" -> configFile = Path.of(args.get(++i));
                    case "--yes", "-y" -> yes = true;
                    case "--methods" -> methods = List.of(args.get(++i).split(","));
                    case "--pkcs11-alias" -> tokenAlias = Optional.of(args.get(++i));
                    case "--tls-trust" -> tlsTrust = Path.of(args.get(++i));
                    case "--management-port" -> managementPort = Integer.parseInt(args.get(++i));
                    default -> words.add(args.get(i));
                }
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return usage("an option needs a value");
        }
        if (words.size() < 2) {
            return usage(null);
        }
        try {
            IdpConfig config = config();
            return switch (words.get(0) + " " + words.get(1)) {
                case "metadata list" -> remoteOrLocal(config, "GET", "/admin/metadata", () -> metadata(config).list());
                case "metadata check" -> check(config);
                case "metadata reload" -> reload(config);
                case "metadata add" -> words.size() == 3 ? add(config, words.get(2)) : usage("add FILE|URL");
                case "metadata remove" -> words.size() == 3 ? remove(config, words.get(2)) : usage("remove ENTITY_ID");
                case "keys status" -> remoteOrLocal(config, "GET", "/admin/keys", () -> keys(config).status());
                case "keys next" -> remoteOrLocal(config, "POST", "/admin/keys/next"
                        + tokenAlias.map(a -> "?pkcs11Alias=" + java.net.URLEncoder.encode(a, StandardCharsets.UTF_8))
                        .orElse(""), () -> keys(config).next(tokenAlias));
                case "keys activate" -> remoteOrLocal(config, "POST", "/admin/keys/activate", () -> keys(config).activate());
                case "keys retire" -> remoteOrLocal(config, "POST", "/admin/keys/retire", () -> keys(config).retire());
                default -> usage("unknown command " + words.get(0) + " " + words.get(1));
            };
        } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
            out.println("refused: " + e.getMessage());
            return 1;
        }
    }

    /** Offline, whether the IdP runs or not: a check must not depend on, or be slowed by, a remote publisher. */
    private int check(IdpConfig config) {
        YamlFiles yaml = yaml(configFile());
        MetadataCheck.Result result = new MetadataCheck(SpCatalog.configuredSources(home, config, yaml,
                OpenSamlRuntime.initialize()), SpCatalog.configuredPolicies(home, config, yaml))
                .check(Clock.systemUTC().instant());
        result.lines().forEach(out::println);
        return result.outcome().exitCode();
    }

    private int reload(IdpConfig config) {
        Optional<Answer> answer = call(config, "POST", "/admin/metadata/reload");
        if (answer.isEmpty()) {
            out.println("the IdP is not running (management port " + port(config) + ")"
                    + "; it reads the files at its next start");
            return 3;
        }
        out.print(answer.get().body());
        return answer.get().status() == 200 ? 0 : 1;
    }

    private int add(IdpConfig config, String location) {
        byte[] document;
        try {
            document = location.startsWith("https://")
                    ? new RemoteFetch(Duration.ofSeconds(5), Duration.ofSeconds(30), 1024 * 1024,
                            TrustedCas.sslContext(tlsTrust, "--tls-trust")).get(URI.create(location))
                    : Files.readAllBytes(Path.of(location));
        } catch (IOException e) {
            out.println("refused: " + location + " cannot be read");
            return 1;
        } catch (MetadataRefused e) {
            out.println("refused: " + e.getMessage());
            return 1;
        }
        Onboarding onboarding = onboarding(config);
        List<String> problems = new ArrayList<>();
        List<SpMetadata> sps;
        try {
            sps = onboarding.inspect(document, location, Clock.systemUTC().instant(), problems);
        } catch (MetadataRefused e) {
            out.println("refused: " + e.getMessage());
            return 1;
        }
        sps.forEach(sp -> Onboarding.describe(sp).forEach(out::println));
        problems.forEach(p -> out.println("refused: " + p));
        if (sps.isEmpty()) {
            return 1;
        }
        if (!confirm("add " + sps.size() + " SP(s) with login methods " + methods + "?")) {
            out.println("nothing changed");
            return 1;
        }
        onboarding.add(document, sps, methods).forEach(out::println);
        return reloadIfRunning(config);
    }

    private int remove(IdpConfig config, String entityId) {
        if (!confirm("remove " + entityId + "?")) {
            out.println("nothing changed");
            return 1;
        }
        onboarding(config).remove(entityId).forEach(out::println);
        return reloadIfRunning(config);
    }

    private int reloadIfRunning(IdpConfig config) {
        Optional<Answer> answer = call(config, "POST", "/admin/metadata/reload");
        if (answer.isEmpty()) {
            out.println("the IdP is not running: it reads the change at its next start");
            return 0;
        }
        out.print(answer.get().body());
        return answer.get().status() == 200 ? 0 : 1;
    }

    private boolean confirm(String question) {
        if (yes) {
            return true;
        }
        out.print(question + " [y/N] ");
        out.flush();
        try {
            String answer = in.readLine();
            return answer != null && answer.trim().equalsIgnoreCase("y");
        } catch (IOException e) {
            return false;
        }
    }

    /** The running IdP's answer, or else the same command on the files. */
    private int remoteOrLocal(IdpConfig config, String method, String path, java.util.function.Supplier<List<String>> local) {
        Optional<Answer> answer = call(config, method, path);
        if (answer.isPresent()) {
            out.print(answer.get().body());
            return answer.get().status() == 200 ? 0 : 1;
        }
        local.get().forEach(out::println);
        return 0;
    }

    private Optional<Answer> call(IdpConfig config, String method, String path) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String host = "0.0.0.0".equals(config.management().bindAddress()) ? "127.0.0.1" : config.management().bindAddress();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port(config) + path))
                .timeout(Duration.ofMinutes(2)).method(method, HttpRequest.BodyPublishers.noBody());
        if (config.management().bearerToken() != null) {
            builder.header("Authorization", "Bearer " + config.management().bearerToken());
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new IllegalStateException("the management connector wants management.bearerToken: set its"
                        + " ${VARIABLE} in this shell");
            }
            return Optional.of(new Answer(response.statusCode(), response.body()));
        } catch (ConnectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("the management connector on 127.0.0.1:" + port(config)
                    + " did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private int port(IdpConfig config) {
        return managementPort != null ? managementPort : config.management().port();
    }

    private MetadataAdministration metadata(IdpConfig config) {
        ParserPool pool = OpenSamlRuntime.initialize();
        return new MetadataAdministration(SpCatalog.configured(home, config, yaml(configFile()), pool, new AuditLog(),
                Clock.systemUTC(), InMemoryStorage.create("replaced-sp")));
    }

    private KeyAdministration keys(IdpConfig config) {
        OpenSamlRuntime.initialize();
        return new KeyAdministration(KeyRing.configured(home, config.credentials(),
                new DevKeyWriter(Clock.systemUTC(), new SecureRandom()), Clock.systemUTC()));
    }

    private Onboarding onboarding(IdpConfig config) {
        return new Onboarding(new MetadataLoader(OpenSamlRuntime.initialize()), home.resolve(config.metadataDir()),
                new PolicyFile(home.resolve(config.relyingParties())));
    }

    private Path configFile() {
        return configFile != null ? configFile : home.resolve("conf/idp.yaml");
    }

    private IdpConfig config() {
        return yaml(configFile()).read(configFile(), IdpConfig.class);
    }

    /**
     * The administration commands need no secret but the PKCS#11 pin: a ${VARIABLE} that is not set (the TLS key
     * store password, say) reads as a placeholder instead of stopping the command.
     */
    private YamlFiles yaml(Path file) {
        Map<String, String> variables = new HashMap<>(environment);
        try {
            Matcher m = VARIABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                // long enough for management.bearerToken's minimum; the IdP then answers 401, which is shown
                variables.putIfAbsent(m.group(1), "(not-set-in-this-shell)");
            }
        } catch (IOException e) {
            // YamlFiles.read names the file and the problem
        }
        return new YamlFiles(variables);
    }

    private int usage(String problem) {
        if (problem != null) {
            out.println(problem);
        }
        out.println(USAGE);
        return 2;
    }

    private record Answer(int status, String body) {
    }
}
