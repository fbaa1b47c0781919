package io.nova.content;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/**
 * Another Nova service, run for real in a JVM of its own, as in production. Not in this JVM: every service's jar
 * has the same {@code nova-service.properties} and {@code db/migration} resources, and Dropwizard test overrides
 * are JVM-wide system properties, so two services on one classpath would read each other's identity, migrations
 * and settings. Its classpath is the service's jar, then this test's libraries without content-service's classes
 * (needed only when the jar is a plain one; the installed service jars are self-contained).
 */
final class ChildService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int grpcPort;

    private ChildService(String name, Process process, Path log, int httpPort, int grpcPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
    }

    /**
     * Launches {@code mainClass} from the module's jar (the build names it in {@code nova.test.<module>.jar}), with
     * {@code settings} as Dropwizard overrides ({@code -Ddw.key=value}); returns at once (see {@link #awaitReady()}).
     */
    static ChildService launch(String module, String mainClass, Map<String, String> settings) {
        int http = freePort();
        int admin = freePort();
        int grpc = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Ddw.server.applicationConnectors[0].port=" + http,
                "-Ddw.server.adminConnectors[0].port=" + admin,
                "-Ddw.grpc.port=" + grpc,
                "-Ddw.shutdown.drainDelay=0s",
                "-Ddw.logging.level=WARN"));
        settings.forEach((key, value) -> command.add("-Ddw." + key + "=" + value));
        command.addAll(List.of("-cp", classpath(module), mainClass, "server"));
        try {
            Path logs = Files.createDirectories(Path.of("target", "child-services"));
            Path log = logs.resolve(module + "-" + http + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new ChildService(module, process, log, http, grpc);
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch " + module, e);
        }
    }

    /** Waits until the service answers ready; fails with the end of its log if it dies or takes too long. */
    ChildService awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/api/v1/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException(name + " not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + tail());
    }

    int grpcPort() {
        return grpcPort;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The module's jar first, then this JVM's classpath without content-service's own classes and resources. */
    private static String classpath(String module) {
        String jar = System.getProperty("nova.test." + module + ".jar");
        if (jar == null || jar.isBlank() || jar.startsWith("${") || !new File(jar).exists()) {
            throw new IllegalStateException("nova.test." + module + ".jar names no jar (" + jar + "): run the tests "
                    + "with Maven, which resolves " + module + " (a test dependency of content-service)");
        }
        List<String> entries = new ArrayList<>(List.of(jar));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.replace('\\', '/').contains("/content-service/target/")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
