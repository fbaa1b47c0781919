package io.nova.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real ClickHouse server from the machine's own installation (Debian's {@code clickhouse-server}; there is no
 * Maven artifact of it), running as a child process on loopback with a configuration, data and logs of its own in a
 * fresh directory and free ports. Tests that need it take {@link #shared()} (one server per JVM, stopped when the JVM
 * exits) and skip themselves, saying so, when {@link #binary()} finds no server.
 *
 * <p>Unlike PostgreSQL and Redis, a server orphaned by a SIGKILLed JVM is not reaped by the next start: its directory
 * is a fresh temporary one, and another JVM's server looks the same from outside.
 */
public final class EmbeddedClickHouse implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedClickHouse.class);
    /** Where to look besides PATH; CLICKHOUSE_SERVER_BIN names the executable outright. */
    private static final List<String> CANDIDATES = List.of("/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static EmbeddedClickHouse shared;

    private final Process process;
    private final Path directory;
    private final int httpPort;
    private boolean closed;

    private EmbeddedClickHouse(Process process, Path directory, int httpPort) {
        this.process = process;
        this.directory = directory;
        this.httpPort = httpPort;
    }

    /** The clickhouse-server executable of this machine, if it has one. */
    public static Optional<Path> binary() {
        String named = System.getenv("CLICKHOUSE_SERVER_BIN");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "clickhouse-server"));
        return Stream.concat(onPath, CANDIDATES.stream().map(Path::of)).filter(Files::isExecutable).findFirst();
    }

    /** The one server of this JVM, started on first use; empty when the machine has no clickhouse-server. */
    public static synchronized Optional<EmbeddedClickHouse> shared() {
        if (shared == null) {
            Optional<Path> binary = binary();
            if (binary.isEmpty()) {
                return Optional.empty();
            }
            try {
                shared = start(binary.get(), Files.createTempDirectory("nova-clickhouse-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedClickHouse server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "clickhouse-stop"));
        }
        return Optional.of(shared);
    }

    /** Starts {@code binary} with everything in {@code directory}, and waits until its HTTP interface answers. */
    public static EmbeddedClickHouse start(Path binary, Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        int http = PlatformPorts.freePort();
        int tcp = PlatformPorts.freePort();
        Files.writeString(dir.resolve("config.xml"), config(dir, http, tcp));
        Files.writeString(dir.resolve("users.xml"), USERS);
        Process process = new ProcessBuilder(binary.toString(), "--config-file=" + dir.resolve("config.xml"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        EmbeddedClickHouse server = new EmbeddedClickHouse(process, dir, http);
        try {
            server.awaitReady();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("ClickHouse {} on {} ({})", binary, server.url(), dir);
        return server;
    }

    /** Its HTTP interface, e.g. {@code http://127.0.0.1:34567} (CLICKHOUSE_URL). */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Path directory() {
        return directory;
    }

    private void awaitReady() throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("clickhouse-server exited with " + process.exitValue() + "; see "
                        + directory.resolve("stdout.log") + " and " + directory.resolve("server.err.log"));
            }
            try {
                if (client.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for clickhouse-server", e);
            }
            try {
                // Polling a child process that gives no other sign of readiness.
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for clickhouse-server", e);
            }
        }
        throw new IOException("clickhouse-server did not answer on " + url() + " within " + START_TIMEOUT);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not remove {}", directory, e);
        }
    }

    /** The smallest configuration 18.16 and newer servers both start with: loopback only, small caches, UTC. */
    private static String config(Path dir, int http, int tcp) {
        return """
                <?xml version="1.0"?>
                <yandex>
                  <logger>
                    <level>warning</level>
                    <log>%1$s/server.log</log>
                    <errorlog>%1$s/server.err.log</errorlog>
                    <console>0</console>
                  </logger>
                  <listen_host>127.0.0.1</listen_host>
                  <http_port>%2$d</http_port>
                  <tcp_port>%3$d</tcp_port>
                  <path>%1$s/data/</path>
                  <tmp_path>%1$s/tmp/</tmp_path>
                  <user_files_path>%1$s/user_files/</user_files_path>
                  <format_schema_path>%1$s/format_schemas/</format_schema_path>
                  <users_config>users.xml</users_config>
                  <default_profile>default</default_profile>
                  <default_database>default</default_database>
                  <mark_cache_size>67108864</mark_cache_size>
                  <uncompressed_cache_size>67108864</uncompressed_cache_size>
                  <timezone>UTC</timezone>
                </yandex>
                """.formatted(dir, http, tcp);
    }

    private static final String USERS = """
            <?xml version="1.0"?>
            <yandex>
              <profiles><default></default></profiles>
              <users>
                <default>
                  <password></password>
                  <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                  <profile>default</profile>
                  <quota>default</quota>
                </default>
              </users>
              <quotas><default></default></quotas>
            </yandex>
            """;
}
