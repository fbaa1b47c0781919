package io.nova.kernel.metrics;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Serves every Dropwizard metric (JVM, Jetty, per-resource timers, gRPC) in Prometheus text format at
 * {@code /metrics} on the application port, where the pod's scrape annotations point.
 */
public final class PrometheusEndpoint {

    public static final String PATH = "/metrics";

    private PrometheusEndpoint() {
    }

    public static void install(Environment environment) {
        MetricRegistry metrics = environment.metrics();
        PrometheusRegistry registry = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(metrics).register(registry);
        environment.servlets()
                .addServlet("prometheus", new PrometheusMetricsServlet(registry))
                .addMapping(PATH);
    }
}
