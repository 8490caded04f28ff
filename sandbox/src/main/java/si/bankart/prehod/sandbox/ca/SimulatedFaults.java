package si.bankart.prehod.sandbox.ca;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Run-time switches that make the sandbox's revocation services misbehave, so operators and tests can watch
 * the IdP fail hard: the OCSP responder or the CRL endpoint down (HTTP 503), or CRLs served stale (nextUpdate
 * already past). All off at start; safe to flip from any thread while requests run.
 */
public final class SimulatedFaults {

    private final AtomicBoolean ocspDown = new AtomicBoolean();
    private final AtomicBoolean crlDown = new AtomicBoolean();
    private final AtomicBoolean staleCrl = new AtomicBoolean();

    public void ocspDown(boolean down) {
        ocspDown.set(down);
    }

    public void crlDown(boolean down) {
        crlDown.set(down);
    }

    public void staleCrl(boolean stale) {
        staleCrl.set(stale);
    }

    public boolean isOcspDown() {
        return ocspDown.get();
    }

    public boolean isCrlDown() {
        return crlDown.get();
    }

    public boolean isCrlStale() {
        return staleCrl.get();
    }

    @Override
    public String toString() {
        return "SimulatedFaults[ocspDown=" + isOcspDown() + ", crlDown=" + isCrlDown()
                + ", staleCrl=" + isCrlStale() + "]";
    }
}
