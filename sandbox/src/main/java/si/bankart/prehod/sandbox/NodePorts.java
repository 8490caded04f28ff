package si.bankart.prehod.sandbox;

import java.util.List;

/**
 * Where {@code ./prehod sandbox --nodes N} puts what the public ports front: Redis, and each IdP node's own HTTPS,
 * certificate and management connector (node 1 on the first ports, node 2 on the next, ...). All on 127.0.0.1.
 */
public record NodePorts(int redis, List<Integer> https, List<Integer> certificate, List<Integer> management) {

    public NodePorts {
        https = List.copyOf(https);
        certificate = List.copyOf(certificate);
        management = List.copyOf(management);
        if (https.size() != certificate.size() || https.size() != management.size() || https.isEmpty()) {
            throw new IllegalArgumentException("every node needs an HTTPS, a certificate and a management port");
        }
    }

    /** Redis 6380; nodes' HTTPS from 8451, their certificate connectors from 8461, management from 9001. */
    public static NodePorts defaults(int nodes) {
        if (nodes < 2 || nodes > 9) {
            throw new IllegalArgumentException("--nodes takes 2 to 9, not " + nodes);
        }
        return new NodePorts(6380, java.util.stream.IntStream.range(0, nodes).mapToObj(i -> 8451 + i).toList(),
                java.util.stream.IntStream.range(0, nodes).mapToObj(i -> 8461 + i).toList(),
                java.util.stream.IntStream.range(0, nodes).mapToObj(i -> 9001 + i).toList());
    }

    public int nodes() {
        return https.size();
    }
}
