package si.bankart.prehod.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import si.bankart.prehod.testing.TestServiceProvider;

/**
 * The Keycloak realm the comparison imports: one SAML client equivalent to our scenario (a) portal (the same entity ID,
 * unsigned Redirect-binding AuthnRequests accepted, responses by HTTP-POST to its ACS, the assertion signed with the
 * realm's generated RSA-2048 key and RSA-SHA256, the response itself not, as our IdP does; persistent NameID; the
 * same three attributes our IdP releases to it: bankUserId, displayName, mail), and one user per simulated browser.
 */
final class KeycloakRealm {

    static final String NAME = "bench";
    static final String PASSWORD = "Bench-Keycloak-2025";

    private KeycloakRealm() {
    }

    static String user(int n) {
        return String.format("bench%02d", n);
    }

    static String json(TestServiceProvider sp, int users) throws JsonProcessingException {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", NAME);
        realm.put("enabled", true);
        realm.put("sslRequired", "external");
        // Keycloak's default: RSA-2048 generated key ("rsa-generated", keySize 2048), RS256. Stated to make it explicit.
        realm.put("components", Map.of("org.keycloak.keys.KeyProvider", List.of(Map.of("name", "rsa-generated",
                "providerId", "rsa-generated", "subComponents", Map.of(),
                "config", Map.of("priority", List.of("100"), "keySize", List.of("2048"), "algorithm", List.of("RS256"))))));
        List<Object> people = new ArrayList<>();
        for (int n = 1; n <= users; n++) {
            people.add(Map.of("username", user(n), "enabled", true, "email", user(n) + "@example.si",
                    "emailVerified", true, "firstName", "Bench", "lastName", "User " + n,
                    "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        }
        realm.put("users", people);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("saml.assertion.signature", "true");
        attributes.put("saml.server.signature", "false");
        attributes.put("saml.client.signature", "false");
        attributes.put("saml.force.post.binding", "true");
        attributes.put("saml.authnstatement", "true");
        attributes.put("saml.encrypt", "false");
        attributes.put("saml_force_name_id_format", "true");
        attributes.put("saml_name_id_format", "persistent");
        attributes.put("saml.signature.algorithm", "RSA_SHA256");
        attributes.put("saml_signature_canonicalization_method", "http://www.w3.org/2001/10/xml-exc-c14n#");
        attributes.put("saml_assertion_consumer_url_post", sp.acsUrl());
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", sp.entityId());
        client.put("protocol", "saml");
        client.put("enabled", true);
        client.put("redirectUris", List.of(sp.acsUrl()));
        client.put("attributes", attributes);
        client.put("protocolMappers", List.of(
                mapper("bankUserId", "username"), mapper("displayName", "firstName"), mapper("mail", "email")));
        realm.put("clients", List.of(client));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(realm);
    }

    private static Map<String, Object> mapper(String attribute, String userProperty) {
        return Map.of("name", attribute, "protocol", "saml", "protocolMapper", "saml-user-property-mapper",
                "config", Map.of("user.attribute", userProperty, "attribute.name", attribute,
                        "attribute.nameformat", "Basic"));
    }
}
