package si.bankart.prehod.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/** Single logouts that finished: {@code complete} when every portal confirmed, else {@code partial}. */
public final class LogoutMetrics {

    private final Counter complete;
    private final Counter partial;

    public LogoutMetrics(MeterRegistry registry) {
        complete = counter(registry, "complete");
        partial = counter(registry, "partial");
    }

    public static LogoutMetrics none() {
        return new LogoutMetrics(new CompositeMeterRegistry());
    }

    public void finished(boolean wasPartial) {
        (wasPartial ? partial : complete).increment();
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("prehod.logouts").description("Single logouts by result").tag("result", result)
                .register(registry);
    }
}
