package io.nova.messaging.realtime;

import io.nova.messaging.MessagingServiceApplication;
import io.nova.embedded.junit.TestPlatform;
import io.nova.testing.TestIdentity;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another messaging-service replica, in its own JVM from the test classpath: the same database, Redis keys,
 * consumer group and token issuer as the test's in-process replica. A JVM of its own can really die:
 * {@link #kill} is SIGKILL (no shutdown hook, no closing handshake), {@link #terminate} is SIGTERM.
 */
final class ChildReplica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int httpPort;

    private ChildReplica(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts it with {@code realtime} settings (a YAML block's lines) and waits until it is ready. */
    static ChildReplica start(TestPlatform platform, Map<String, String> realtime) throws Exception {
        Path directory = Files.createTempDirectory("messaging-replica");
        Path config = directory.resolve("replica.yml");
        StringBuilder yaml = new StringBuilder("realtime:\n");
        realtime.forEach((key, value) -> yaml.append("  ").append(key).append(": \"").append(value).append("\"\n"));
        Files.writeString(config, yaml);
        Path log = directory.resolve("replica.log");
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                MessagingServiceApplication.class.getName(), "server", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(platform.environment());
        builder.environment().putAll(Map.of(
                "HTTP_PORT", Integer.toString(httpPort),
                "ADMIN_PORT", Integer.toString(freePort()),
                "GRPC_PORT", Integer.toString(freePort()),
                "HTTP_BIND_HOST", "127.0.0.1",
                "GRPC_BIND_HOST", "127.0.0.1",
                "SHUTDOWN_DRAIN_DELAY", "0s",
                // The kernel substitutes it into YAML as text: one line, as ./nova local passes it.
                "JWT_PUBLIC_KEY_PEM", TestIdentity.publicPem().strip().replace('\n', ' ')));
        ChildReplica replica = new ChildReplica(builder.start(), log, httpPort);
        replica.awaitReady(Duration.ofSeconds(60));
        return replica;
    }

    int httpPort() {
        return httpPort;
    }

    Process process() {
        return process;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: Dropwizard's shutdown hook stops the server the way Kubernetes stops a pod. */
    void terminate() {
        process.destroy();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the replica died: " + log());
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/api/v1/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the replica was not ready in " + timeout + ": " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
