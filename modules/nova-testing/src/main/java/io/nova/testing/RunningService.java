package io.nova.testing;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.config.NovaConfiguration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Nova service started in this JVM on free ports, with its layered defaults pointed at the test platform. */
public final class RunningService<C extends NovaConfiguration> implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final DropwizardTestSupport<C> support;
    private final long startMillis;

    private RunningService(DropwizardTestSupport<C> support, long startMillis) {
        this.support = support;
        this.startMillis = startMillis;
    }

    /** Starts the service against a test class's own database, Redis keys, topics and bucket. */
    public static <C extends NovaConfiguration> RunningService<C> start(
            Class<? extends NovaApplication<C>> application, TestPlatform platform, ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("grpc.port", "0"),
                ConfigOverride.config("shutdown.drainDelay", "0s")));
        platform.configOverrides().forEach((key, value) -> all.add(ConfigOverride.config(key, value)));
        all.addAll(List.of(overrides));
        DropwizardTestSupport<C> support = new DropwizardTestSupport<>(application, (String) null, new InOrder(all));
        long begin = System.nanoTime();
        try {
            support.before();
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + application.getSimpleName(), e);
        }
        return new RunningService<>(support, (System.nanoTime() - begin) / 1_000_000);
    }

    public NovaApplication<C> application() {
        return (NovaApplication<C>) support.getApplication();
    }

    public C configuration() {
        return support.getConfiguration();
    }

    /** The running application's environment: its Jersey resources, its object mapper. */
    public io.dropwizard.core.setup.Environment environment() {
        return support.getEnvironment();
    }

    /** The names of the health checks readiness runs. */
    public java.util.SortedSet<String> healthCheckNames() {
        return support.getEnvironment().healthChecks().getNames();
    }

    public int httpPort() {
        return support.getLocalPort();
    }

    public int adminPort() {
        return support.getAdminPort();
    }

    public int grpcPort() {
        return application().grpcServer().port();
    }

    /** Milliseconds from the start call until the service accepted requests. */
    public long startMillis() {
        return startMillis;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort() + path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        support.after();
    }

    /**
     * All the overrides as one, applied in list order. DropwizardTestSupport keeps its overrides in a {@code Set.of}
     * set, whose iteration order is random: given two settings of one key (a default here, the caller's below it),
     * either could be applied last — a test's {@code grpc.port} or {@code database.url} then won only about half of
     * the time. In order, the later setting wins, as every caller expects.
     */
    private static final class InOrder extends ConfigOverride {

        private final List<ConfigOverride> overrides;

        InOrder(List<ConfigOverride> overrides) {
            this.overrides = List.copyOf(overrides);
        }

        @Override
        public void addToSystemProperties() {
            overrides.forEach(ConfigOverride::addToSystemProperties);
        }

        @Override
        public void removeFromSystemProperties() {
            overrides.forEach(ConfigOverride::removeFromSystemProperties);
        }
    }
}
