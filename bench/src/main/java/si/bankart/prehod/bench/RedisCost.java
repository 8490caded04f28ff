package si.bankart.prehod.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import si.bankart.prehod.testing.RunningRedis;

/**
 * What scenario (g) costs in Redis: commands per SSO (INFO's total_commands_processed over a run of sequential SSO
 * requests, each a round trip: one connection, no pipelining across requests) and MEMORY USAGE of each stored SSO
 * session.
 */
final class RedisCost {

    record Result(int ssoRequests, double commandsPerSso, int sessions, double meanSessionBytes, long maxSessionBytes) {
    }

    private RedisCost() {
    }

    static Result measure(RunningRedis redis, BenchIdp idp, HttpClient client, int requests) throws Exception {
        long before = commandsProcessed(redis);
        for (int i = 0; i < requests; i++) {
            Journey.Prepared prepared = Scenario.A_REDIRECT.prepare(idp);
            HttpResponse<String> response = client.send(Scenario.A_REDIRECT.request(idp, prepared),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (!SamlResponseCheck.quick(response, prepared.id()).ok()) {
                throw new IllegalStateException("(g) SSO failed while counting Redis commands: " + response.statusCode());
            }
        }
        // The INFO commands themselves count once each.
        long commands = commandsProcessed(redis) - before - 1;
        return withSessionMemory(redis, requests, (double) commands / requests);
    }

    /** The figures with MEMORY USAGE of every SSO session now in {@code redis} (key prefix "bench"). */
    static Result withSessionMemory(RunningRedis redis, int ssoRequests, double commandsPerSso) {
        List<String> keys = Arrays.stream(redis.command("KEYS", "bench:sso-session:*").split("\n"))
                .filter(k -> !k.isBlank()).toList();
        long total = 0;
        long max = 0;
        for (String key : keys) {
            long bytes = Long.parseLong(redis.command("MEMORY", "USAGE", key, "SAMPLES", "0"));
            total += bytes;
            max = Math.max(max, bytes);
        }
        return new Result(ssoRequests, commandsPerSso, keys.size(),
                keys.isEmpty() ? 0 : (double) total / keys.size(), max);
    }

    static long commandsProcessed(RunningRedis redis) {
        return Arrays.stream(redis.command("INFO", "stats").split("\r\n"))
                .filter(line -> line.startsWith("total_commands_processed:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).findFirst()
                .orElseThrow();
    }
}
