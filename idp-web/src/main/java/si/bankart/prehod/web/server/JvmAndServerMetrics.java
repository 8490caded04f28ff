package si.bankart.prehod.web.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import org.eclipse.jetty.server.Server;

/**
 * The platform's meters: JVM memory, GC, threads, classes, CPU, uptime, file descriptors, and Jetty's thread pool and
 * connections per connector (micrometer-core's Jetty binders; the connector name is the only label).
 */
final class JvmAndServerMetrics implements MeterBinder {

    private final Server jetty;

    JvmAndServerMetrics(Server jetty) {
        this.jetty = jetty;
    }

    @Override
    @SuppressWarnings("resource") // JvmGcMetrics lives as long as the registry, which lives as long as the JVM.
    public void bindTo(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new JettyServerThreadPoolMetrics(jetty.getThreadPool(), Tags.empty()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(jetty, registry);
    }
}
