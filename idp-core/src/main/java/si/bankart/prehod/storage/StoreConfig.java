package si.bankart.prehod.storage;

/**
 * conf/idp.yaml {@code store:}: where everything that outlives a request is kept. {@code memory} (the default) is one
 * node's own; {@code redis} is shared by every node of one deployment.
 */
public record StoreConfig(String type, RedisConfig redis) {

    public static final StoreConfig DEFAULTS = new StoreConfig("memory", null);

    public StoreConfig {
        type = type == null || type.isBlank() ? "memory" : type;
        if (!type.equals("memory") && !type.equals("redis")) {
            throw new IllegalArgumentException("store.type must be memory or redis, not '" + type + "'");
        }
        if (type.equals("redis") && redis == null) {
            throw new IllegalArgumentException("store.type redis needs store.redis (host and port, or sentinels)");
        }
        if (type.equals("memory") && redis != null) {
            throw new IllegalArgumentException("store.redis is set but store.type is memory; set store.type: redis");
        }
    }

    public boolean shared() {
        return type.equals("redis");
    }
}
