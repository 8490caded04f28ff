package si.bankart.prehod.sandbox.rekono.client;

import com.nimbusds.oauth2.sdk.id.ClientID;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import si.bankart.prehod.sandbox.rekono.ExtraClientUris;

/** The registered relying parties, looked up by client_id. */
public final class ClientRegistry {

    private final Map<ClientID, RegisteredClient> clients;

    public ClientRegistry(List<RegisteredClient> registered, List<ExtraClientUris> extras) {
        Map<ClientID, RegisteredClient> map = new LinkedHashMap<>();
        for (RegisteredClient client : registered) {
            if (map.put(client.clientId(), client) != null) {
                throw new IllegalArgumentException("client_id registered twice: " + client.clientId());
            }
        }
        for (ExtraClientUris extra : extras) {
            RegisteredClient client = map.get(new ClientID(extra.clientId()));
            if (client == null) {
                throw new IllegalArgumentException("extra URIs for a client that is not registered: " + extra.clientId());
            }
            map.put(client.clientId(), client.withMoreUris(extra.redirectUris(), extra.postLogoutRedirectUris()));
        }
        this.clients = Map.copyOf(map);
    }

    /** Every registered client, in no particular order (the "login expired" page links back to each). */
    public List<RegisteredClient> all() {
        return List.copyOf(clients.values());
    }

    public Optional<RegisteredClient> find(ClientID clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }
}
