package io.nova.kernel;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.config.NovaConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NovaPlatformExtension.class)
class NovaApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DropwizardTestSupport<NovaConfiguration> app;

    private final TestPlatform platform;

    NovaApplicationTest(TestPlatform platform) {
        this.platform = platform;
    }

    private void start(String drainDelay) throws Exception {
        app = KernelApp.start(platform, java.util.Map.of("shutdown.drainDelay", drainDelay));
    }

    @AfterEach
    void stop() {
        KernelTestApplication.DEPENDENCY_HEALTHY.set(true);
        if (app != null) {
            app.after();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ServingStatus grpcHealth(int port) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus();
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void readinessFailsWhenADependencyCheckFailsButLivenessDoesNot() throws Exception {
        start("0s");
        HttpResponse<String> healthy = get("/api/v1/health/ready");
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(healthy.body()).contains("\"postgresql\":\"UP\"").contains("\"redis\":\"UP\"")
                .contains("\"kafka\":\"UP\"");

        KernelTestApplication.DEPENDENCY_HEALTHY.set(false);
        HttpResponse<String> ready = get("/api/v1/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("\"dependency\":\"DOWN\"")
                .doesNotContain("10.9.8.7");
        assertThat(get("/api/v1/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/health").statusCode()).isEqualTo(200);

        KernelTestApplication.DEPENDENCY_HEALTHY.set(true);
        assertThat(get("/api/v1/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shutdownDrainsThenLetsInFlightRequestsFinish() throws Exception {
        start("700ms");
        int grpcPort = ((NovaApplication<?>) app.getApplication()).grpcServer().port();
        int port = app.getLocalPort();
        assertThat(grpcHealth(grpcPort)).isEqualTo(ServingStatus.SERVING);

        // Still running when the connectors close at the end of the drain delay.
        CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow?ms=2000")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);

        long stopBegan = System.nanoTime();
        DropwizardTestSupport<NovaConfiguration> stopping = app;
        app = null;
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(stopping::after);
        Thread.sleep(200);

        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("DRAINING");
        assertThat(grpcHealth(grpcPort)).isEqualTo(ServingStatus.NOT_SERVING);

        HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("done");

        stopped.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - stopBegan)).isLessThan(Duration.ofSeconds(30));
        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void aKafkaOutageIsReportedButDoesNotMakeThePodUnready() throws Exception {
        int nothingListens;
        try (var socket = new java.net.ServerSocket(0)) {
            nothingListens = socket.getLocalPort();
        }
        app = KernelApp.start(platform, java.util.Map.of("kafka.brokers", "127.0.0.1:" + nothingListens));
        HttpResponse<String> ready = get("/api/v1/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"kafka\":\"DOWN\"").contains("\"postgresql\":\"UP\"");
    }

    @Test
    void anInvalidConfigurationStopsTheStart() {
        DropwizardTestSupport<NovaConfiguration> invalid = new DropwizardTestSupport<>(KernelTestApplication.class,
                (String) null, ConfigOverride.config("grpc.port", "70000"));
        assertThatThrownBy(invalid::before).hasMessageContaining("grpc.port");
    }
}
