package io.nova.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.health.v1.HealthCheckResponse;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.KernelPart;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.config.NovaConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Nova service must do once booted against real PostgreSQL, Redis and Kafka: answer the three probes
 * Kubernetes calls with its dependencies checked, serve Prometheus metrics,
 * answer gRPC health, and keep the admin endpoints off the application port. A service's boot test extends this
 * with its application class and the ports its Deployment declares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
public abstract class ServiceBootContract<C extends NovaConfiguration> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Class<? extends NovaApplication<C>> application;
    private final String name;
    private final int httpPort;
    private final int grpcPort;
    private RunningService<C> service;

    protected ServiceBootContract(Class<? extends NovaApplication<C>> application,
                                  String name, int httpPort, int grpcPort) {
        this.application = application;
        this.name = name;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
    }

    @BeforeAll
    void boot(TestPlatform platform) {
        service = RunningService.start(application, platform);
        System.out.printf("%s ready in %d ms%n", name, service.startMillis());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void identityMatchesTheDeployment() {
        assertThat(service.application().getName()).isEqualTo(name);
        assertThat(service.application().identity().httpPort()).isEqualTo(httpPort);
        assertThat(service.application().identity().grpcPort()).isEqualTo(grpcPort);
        assertThat(service.application().identity().adminPort())
                .as("the admin connector must not share a port any Ingress routes")
                .isNotIn(8081, 8082, 8083, 8084, httpPort, grpcPort);
    }

    @Test
    void startsWellWithinTheStartupProbeBudget() {
        assertThat(service.startMillis()).isLessThan(30_000);
    }

    @Test
    void startupProbeAnswers() throws IOException {
        HttpResponse<String> response = service.get("/api/v1/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("service").asText()).isEqualTo(name);
    }

    @Test
    void livenessAnswers() throws IOException {
        HttpResponse<String> response = service.get("/api/v1/health/live");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("checks").path("deadlocks").asText()).isEqualTo("UP");
    }

    @Test
    void readinessReportsEveryDependencyCheck() throws IOException {
        HttpResponse<String> response = service.get("/api/v1/health/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        // Redis always (token revocations); the rest exactly for the kernel parts the service names.
        java.util.Set<KernelPart> parts = service.application().kernelParts();
        java.util.Map<String, Boolean> expected = java.util.Map.of(
                "redis", true,
                "postgresql", parts.contains(KernelPart.DATABASE),
                "kafka", parts.contains(KernelPart.OUTBOX) || parts.contains(KernelPart.CONSUMERS),
                "s3", parts.contains(KernelPart.S3));
        expected.forEach((check, used) -> {
            if (used) {
                assertThat(body.path("checks").path(check).asText()).as(check).isEqualTo("UP");
            } else {
                assertThat(body.path("checks").has(check)).as(check + " is not a part " + name + " uses").isFalse();
            }
        });
        assertThat(body.path("checks").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(service.healthCheckNames());
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        service.get("/api/v1/health");
        HttpResponse<String> response = service.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("jvm_memory_used_bytes")
                .contains("io_dropwizard_jetty_MutableServletContextHandler_requests")
                .contains("io_nova_kernel_health_HealthResource_started");
    }

    @Test
    void grpcHealthIsServing() {
        assertThat(GrpcHealthProbe.check(service.grpcPort(), ""))
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void adminEndpointsAreNotOnTheApplicationPort() {
        assertThat(service.get("/healthcheck").statusCode()).isEqualTo(404);
        assertThat(service.get("/threads").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathsAnswer404() {
        assertThat(service.get("/api/v1/no-such-thing").statusCode()).isEqualTo(404);
    }
}
