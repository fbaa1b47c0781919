package io.nova.kernel.metrics;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Serves the JVM's metrics and every Dropwizard metric (Jetty, per-resource timers, gRPC) in Prometheus text format at
 * {@code /metrics} on the application port, where the pod's scrape annotations point.
 */
public final class PrometheusEndpoint {

    public static final String PATH = "/metrics";

    private PrometheusEndpoint() {
    }

    /**
     * Jersey times each resource method and, beside it, its filters and a ".total": the ".total" name would collide
     * with the method's own timer once Prometheus strips the {@code _total} suffix, and the filter timings are noise.
     */
    static boolean exported(String name, Metric metric) {
        return !(name.endsWith(".total") || name.endsWith(".request.filtering") || name.endsWith(".response.filtering"));
    }

    public static void install(Environment environment) {
        MetricRegistry metrics = environment.metrics();
        PrometheusRegistry registry = new PrometheusRegistry();
        // The JVM under the names dashboards and alerts expect (jvm_memory_used_bytes, jvm_gc_collection_seconds…).
        JvmMetrics.builder().register(registry);
        DropwizardExports.builder().dropwizardRegistry(metrics).metricFilter(PrometheusEndpoint::exported).register(registry);
        environment.servlets()
                .addServlet("prometheus", new PrometheusMetricsServlet(registry))
                .addMapping(PATH);
    }
}
