package si.bankart.prehod.storage;

import org.opensaml.storage.StorageService;

import si.bankart.prehod.health.HealthCheck;

/**
 * The store every part of the IdP keeps its state in, with the readiness check that reports it and what closes it.
 *
 * @param shared true when other nodes see the same records (Redis), false for one node's memory
 */
public record Store(StorageService storage, HealthCheck health, boolean shared, AutoCloseable closer)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
