package io.nova.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real redis-server (6.2, bundled by codemonstur embedded-redis), running as a child process.
 *
 * <p>Its working directory ({@code dir}) is the given directory, where it also writes its pid file, so a server
 * orphaned by a killed JVM can be recognised and stopped by the next start ({@link ProcessReaper}). The binary
 * is unpacked into that directory too: a shared location would be rewritten while another JVM executes it.
 * Durable mode turns on the append-only file so a local run keeps its keys across restarts; tests run without
 * any persistence.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    /** redis-server's own output; under "redis.embedded", which {@link QuietLogging} sets to WARN. */
    private static final Logger SERVER_LOG = LoggerFactory.getLogger("redis.embedded.server");
    static final String PID_FILE = "redis-server.pid";

    private final RedisServer server;
    private final Path directory;
    private final int port;
    private final DirectoryLock lock;
    private boolean closed;

    private EmbeddedRedis(RedisServer server, Path directory, int port, DirectoryLock lock) {
        this.server = server;
        this.directory = directory;
        this.port = port;
        this.lock = lock;
    }

    /**
     * Starts redis-server working in {@code directory} (created when missing) on {@code port} ({@code 0}: a free
     * one).
     *
     * @param durable keep data across restarts (append-only file); false: memory only
     */
    public static EmbeddedRedis start(Path directory, int port, boolean durable) {
        QuietLogging.apply();
        Path dir = directory.toAbsolutePath().normalize();
        return ChildServerStart.run("Redis", dir, dir.resolve("redis.lock"), dir.resolve(PID_FILE),
                PlatformDirectory.REDIS_PROGRAM, lock -> {
                    // A port we drew can be taken by another listener between the draw and redis-server's bind
                    // ("Address already in use", seen once in CI): draw again. A port the caller named is theirs.
                    for (int attempt = 1; ; attempt++) {
                        int chosen = port == 0 ? PlatformPorts.freePort() : port;
                        try {
                            return startOn(dir, chosen, durable, lock);
                        } catch (IOException e) {
                            if (port != 0 || attempt == DRAWS) {
                                throw e;
                            }
                            LOG.warn("Redis did not start on drawn port {}, drawing another: {}", chosen,
                                    e.getMessage());
                        }
                    }
                });
    }

    /** Ports drawn for one start before its failure counts. */
    private static final int DRAWS = 3;

    private static EmbeddedRedis startOn(Path dir, int chosen, boolean durable, DirectoryLock lock)
            throws IOException {
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(ExecutableProvider.newJarResourceProvider(
                        Files.createDirectories(dir.resolve("bin")).toFile()))
                .bind("127.0.0.1")
                .port(chosen)
                .setting("dir " + quoted(dir))
                .setting("pidfile " + quoted(dir.resolve(PID_FILE)))
                .setting("daemonize no")
                .setting(durable ? "appendonly yes" : "appendonly no")
                // The append-only file is what keeps a durable run's data; snapshots on top of it only cost. They
                // were "save 60 1": with the replay logs of a few benchmarks (≈ 700 MB) Redis forked and dumped for
                // 11 s of every minute, a core of two taken from whatever was being measured.
                .setting("save \"\"")
                // SIGTERM lets redis write its data; SIGKILL would lose the last second of a durable run.
                .onShutdownForceStop(false)
                .soutListener(line -> SERVER_LOG.info(line))
                .serrListener(line -> SERVER_LOG.warn(line))
                .build();
        server.start();
        return new EmbeddedRedis(server, dir, chosen, lock);
    }

    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:port}, the form Redisson and Lettuce accept. */
    public String uri() {
        return "redis://" + host() + ":" + port;
    }

    public Path directory() {
        return directory;
    }

    /** The server's pid, from the pid file redis-server writes itself. */
    public Optional<Long> pid() {
        return ProcessReaper.readPid(directory.resolve(PID_FILE));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Optional<Long> pid = pid();
        try {
            server.stop();
        } catch (IOException | RuntimeException e) {
            LOG.warn("redis-server did not stop cleanly: {}", e.toString());
        }
        pid.filter(ProcessReaper::isRunning)
                .ifPresent(ProcessReaper::stop);
        lock.close();
    }
}
