package io.nova.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * PostgreSQL, Redis, Kafka and S3 together, started in parallel: everything Nova's services depend on.
 *
 * <p>Started one after the other the four take the sum of their start times; in parallel they take about the
 * slowest one (Kafka or PostgreSQL, 2–3 s); only PostgreSQL and Redis wait for each other, as both fork
 * executables they have just unpacked ({@link ChildServerStart}). With a data directory the platform is persistent — databases,
 * keys, topics and objects survive a restart, which {@code ./nova local} needs; without one it lives in a
 * temporary directory that is deleted on close, which tests need. Ports are free ones unless given; a persistent
 * platform started with {@link PlatformPorts#ANY} remembers the ports it chose and reuses them, because Kafka's
 * quorum records its controller address and the services' configuration should not change between runs.
 *
 * <p>Nothing outlives the platform: a JVM shutdown hook closes it, {@link JvmExitGuard} closes it when only its
 * own threads are left, and a start after a killed JVM stops the orphaned postgres and redis-server processes
 * recorded in the directory ({@link PlatformDirectory}).
 */
public final class EmbeddedPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPlatform.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String PORTS_FILE = "ports.properties";

    private final PlatformDirectory directory;
    // Replaced by the restarts the fault drills use; read by other threads.
    private volatile EmbeddedPostgres postgres;
    private volatile EmbeddedRedis redis;
    private volatile EmbeddedKafka kafka;
    private volatile boolean kafkaStopped;
    private final EmbeddedS3 s3;
    private final Map<String, Long> startMillis;
    private final Thread shutdownHook;
    private Thread exitGuard;
    private boolean closed;

    private EmbeddedPlatform(PlatformDirectory directory, List<AutoCloseable> servers,
                             Map<String, Long> startMillis) {
        this.directory = directory;
        this.postgres = (EmbeddedPostgres) servers.get(0);
        this.redis = (EmbeddedRedis) servers.get(1);
        this.kafka = (EmbeddedKafka) servers.get(2);
        this.s3 = (EmbeddedS3) servers.get(3);
        this.startMillis = Collections.unmodifiableMap(startMillis);
        this.shutdownHook = new Thread(this::close, "nova-embedded-shutdown");
    }

    /** A temporary platform on free ports, for tests. */
    public static EmbeddedPlatform start() {
        return start(null, PlatformPorts.ANY);
    }

    /**
     * Starts the platform.
     *
     * @param dataDirectory where the data lives and survives restarts; null for a temporary platform
     * @param ports         the ports; {@link PlatformPorts#ANY} for free ones
     */
    public static EmbeddedPlatform start(Path dataDirectory, PlatformPorts ports) {
        long begin = System.nanoTime();
        QuietLogging.apply();
        PlatformDirectory directory = PlatformDirectory.open(dataDirectory);
        boolean durable = !directory.temporary();
        PlatformPorts chosen;
        try {
            // A temporary platform leaves 0 ("any free port") to each server, which binds it at the last moment
            // (S3Proxy binds port 0 itself): choosing all four up front left a window in which another process could
            // take one of them.
            chosen = durable ? remembered(directory, ports) : ports;
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
        ThreadGroup group = new ThreadGroup("nova-embedded-" + INSTANCES.incrementAndGet());
        Map<String, Long> millis = Collections.synchronizedMap(new LinkedHashMap<>());
        List<Callable<AutoCloseable>> starts = List.of(
                timed("postgres", millis, () -> EmbeddedPostgres.start(directory.postgres(), chosen.postgres(), durable)),
                timed("redis", millis, () -> EmbeddedRedis.start(directory.redis(), chosen.redis(), durable)),
                timed("kafka", millis, () -> EmbeddedKafka.start(directory.kafka(), chosen.kafka(),
                        chosen.kafkaController())),
                timed("s3", millis, () -> EmbeddedS3.start(durable ? directory.s3() : null, chosen.s3())));
        List<AutoCloseable> servers = startAll(group, starts, directory);
        millis.put("total", (System.nanoTime() - begin) / 1_000_000);
        EmbeddedPlatform platform = new EmbeddedPlatform(directory, servers, new LinkedHashMap<>(millis));
        Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
        platform.exitGuard = JvmExitGuard.watch(group, platform::close);
        LOG.info("Embedded platform up in {} ms ({}) in {}", millis.get("total"), millis, directory.root());
        return platform;
    }

    private static Callable<AutoCloseable> timed(String name, Map<String, Long> millis,
                                                 Supplier<AutoCloseable> start) {
        return () -> {
            long begin = System.nanoTime();
            AutoCloseable server = start.get();
            millis.put(name, (System.nanoTime() - begin) / 1_000_000);
            return server;
        };
    }

    /**
     * Runs every start at once on threads of {@code group}: the servers' own threads inherit the group, which is
     * how {@link JvmExitGuard} recognises them. If one start fails, the others are closed before the failure is
     * rethrown, so a failed start leaves no process and no thread behind.
     */
    private static List<AutoCloseable> startAll(ThreadGroup group, List<Callable<AutoCloseable>> starts,
                                                PlatformDirectory directory) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(starts.size(), r -> {
            Thread t = new Thread(group, r, group.getName() + "-start-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<AutoCloseable>> futures = new ArrayList<>();
            starts.forEach(s -> futures.add(pool.submit(s)));
            List<AutoCloseable> started = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<AutoCloseable> future : futures) {
                try {
                    started.add(future.get());
                } catch (ExecutionException e) {
                    failure = combine(failure, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = combine(failure, e);
                }
            }
            if (failure != null) {
                closeAll(started);
                directory.close();
                throw failure;
            }
            return started;
        } finally {
            pool.shutdown();
        }
    }

    private static RuntimeException combine(RuntimeException first, Throwable next) {
        if (first == null) {
            return next instanceof RuntimeException r ? r
                    : new IllegalStateException("the embedded platform did not start", next);
        }
        first.addSuppressed(next);
        return first;
    }

    /** The given ports, with free ports a persistent directory chose before taking the place of {@code 0}s. */
    private static PlatformPorts remembered(PlatformDirectory directory, PlatformPorts requested) {
        Path file = directory.file(PORTS_FILE);
        Properties saved = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                saved.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        PlatformPorts merged = new PlatformPorts(
                pick(requested.postgres(), saved, "postgres"),
                pick(requested.redis(), saved, "redis"),
                pick(requested.kafka(), saved, "kafka"),
                pick(requested.kafkaController(), saved, "kafka.controller"),
                pick(requested.s3(), saved, "s3")).resolved();
        Properties out = new Properties();
        out.setProperty("postgres", Integer.toString(merged.postgres()));
        out.setProperty("redis", Integer.toString(merged.redis()));
        out.setProperty("kafka", Integer.toString(merged.kafka()));
        out.setProperty("kafka.controller", Integer.toString(merged.kafkaController()));
        out.setProperty("s3", Integer.toString(merged.s3()));
        try (OutputStream os = Files.newOutputStream(file)) {
            out.store(os, "Ports of this platform, reused by the next start with PlatformPorts.ANY");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return merged;
    }

    private static int pick(int requested, Properties saved, String key) {
        return requested != 0 ? requested : Integer.parseInt(saved.getProperty(key, "0"));
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    public EmbeddedRedis redis() {
        return redis;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedS3 s3() {
        return s3;
    }

    /**
     * Stops the Kafka broker, as an outage would; {@link #startKafka} brings the same broker back on the same ports
     * and log directory. For fault drills: clients see connection refusals meanwhile.
     */
    public synchronized void stopKafka() {
        requireOpen();
        if (!kafkaStopped) {
            kafka.close();
            kafkaStopped = true;
        }
    }

    /** Starts the broker {@link #stopKafka} stopped, with the data it had. */
    public synchronized void startKafka() {
        requireOpen();
        if (kafkaStopped) {
            kafka = EmbeddedKafka.start(kafka.logDirectory(), kafka.port(), kafka.controllerPort());
            kafkaStopped = false;
        }
    }

    /**
     * Stops redis-server (SIGTERM: a durable one writes its append-only file) and starts it again on the same port
     * and directory. Every client connection is cut; a temporary platform's data is gone, a durable one's is back.
     */
    public synchronized void restartRedis() {
        requireOpen();
        EmbeddedRedis old = redis;
        old.close();
        redis = EmbeddedRedis.start(old.directory(), old.port(), !directory.temporary());
    }

    /**
     * Stops PostgreSQL (fast shutdown: every session is cut and its open transaction rolled back) and starts it
     * again on the same port and data directory. Nothing committed is lost.
     */
    public synchronized void restartPostgres() {
        requireOpen();
        EmbeddedPostgres old = postgres;
        old.close();
        postgres = EmbeddedPostgres.start(old.dataDirectory(), old.port(), !directory.temporary());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the platform is closed");
        }
    }

    /** Where the servers keep their data (deleted on close when temporary). */
    public Path dataDirectory() {
        return directory.root();
    }

    public boolean isTemporary() {
        return directory.temporary();
    }

    /** Milliseconds each server took to start ({@code postgres}, {@code redis}, {@code kafka}, {@code s3}) and
     *  the whole start ({@code total}). */
    public Map<String, Long> startMillis() {
        return startMillis;
    }

    /**
     * The settings a Nova service reads from its environment (names as in nova-defaults.yml and
     * docs/configuration.md), pointing at this platform; {@code database} and {@code bucket} are the service's
     * own. {@code DATABASE_URL} names the server only: a service appends {@code /DATABASE_NAME}.
     */
    public Map<String, String> environment(String database, String bucket) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", postgres.serverUrl());
        env.put("DATABASE_NAME", database);
        env.put("DB_USER", postgres.user());
        env.put("DB_PASSWORD", postgres.password());
        env.put("REDIS_URL", redis.uri());
        env.put("KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("S3_BUCKET", bucket);
        env.put("AWS_ACCESS_KEY_ID", s3.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
        env.put("AWS_REGION", s3.region());
        return env;
    }

    /**
     * Stops all four servers in parallel, then releases (or, when temporary, deletes) the directory. A second
     * caller (the shutdown hook while the exit guard is closing) waits until the first one has finished: the JVM
     * halts once its hooks return, and must not do so halfway through stopping PostgreSQL.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long begin = System.nanoTime();
        if (exitGuard != null && exitGuard != Thread.currentThread()) {
            exitGuard.interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: this may be the hook itself.
        }
        closeAll(kafkaStopped ? List.of(s3, postgres, redis) : List.of(kafka, s3, postgres, redis));
        directory.close();
        LOG.info("Embedded platform closed in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    private static void closeAll(List<AutoCloseable> servers) {
        CompletableFuture<?>[] closing = servers.stream()
                .map(server -> CompletableFuture.runAsync(() -> closeQuietly(server), runnable -> {
                    Thread t = new Thread(runnable, "nova-embedded-close");
                    t.setDaemon(true);
                    t.start();
                }))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(closing).join();
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("{} did not close cleanly", server.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPlatform[" + directory.root() + ", postgres " + postgres.port() + ", redis " + redis.port()
                + ", kafka " + kafka.port() + ", s3 " + s3.port() + "]";
    }
}
