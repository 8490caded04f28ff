package si.bankart.prehod.storage;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.health.HealthCheck;

/**
 * The store every part of the IdP keeps its state in, with the readiness check that reports it, what counts its
 * records for the gauges, and what closes it.
 *
 * @param shared true when other nodes see the same records (Redis), false for one node's memory
 */
public record Store(StorageService storage, HealthCheck health, boolean shared, LiveRecords records,
        AutoCloseable closer) implements AutoCloseable {

    /** This store, closing {@code other} first when it closes (e.g. what counts its records). */
    public Store closingAlso(AutoCloseable other) {
        return new Store(storage, health, shared, records, () -> {
            other.close();
            closer.close();
        });
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
