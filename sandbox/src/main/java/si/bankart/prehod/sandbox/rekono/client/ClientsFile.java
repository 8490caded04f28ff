package si.bankart.prehod.sandbox.rekono.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sandbox/conf/rekono-clients.yaml. A secret may be written {@code ${NAME:-default}}: the environment variable
 * NAME wins, the default keeps the sandbox working without one.
 */
public final class ClientsFile {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?}");

    record Entry(
            @JsonProperty(value = "client_id", required = true) String clientId,
            @JsonProperty("client_name") String clientName,
            @JsonProperty(value = "client_secret", required = true) String clientSecret,
            @JsonProperty(value = "token_endpoint_auth_method", required = true) String authMethod,
            @JsonProperty(value = "redirect_uris", required = true) List<URI> redirectUris,
            @JsonProperty("post_logout_redirect_uris") List<URI> postLogoutRedirectUris) {}

    record Document(@JsonProperty(value = "clients", required = true) List<Entry> clients) {}

    private ClientsFile() {}

    public static List<RegisteredClient> read(Path file, Map<String, String> environment) {
        Document document;
        try {
            document = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), Document.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return document.clients().stream().map(e -> {
            try {
                return new RegisteredClient(new ClientID(e.clientId()), e.clientName(),
                        new Secret(resolve(e.clientSecret(), environment)), ClientAuthenticationMethod.parse(e.authMethod()),
                        new LinkedHashSet<>(e.redirectUris()),
                        new LinkedHashSet<>(e.postLogoutRedirectUris() == null ? List.of() : e.postLogoutRedirectUris()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(file + ", client " + e.clientId() + ": " + ex.getMessage(), ex);
            }
        }).toList();
    }

    static String resolve(String value, Map<String, String> environment) {
        Matcher m = REFERENCE.matcher(value);
        if (!m.matches()) {
            return value;
        }
        String fromEnvironment = environment.get(m.group(1));
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        if (m.group(2) == null) {
            throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set");
        }
        return m.group(2);
    }
}
