package io.nova.local;

import io.nova.embedded.EmbeddedPlatform;
import io.nova.embedded.PlatformPorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole of Nova on one machine: the lock, the embedded servers, the dev keys, the four services and the
 * gateway, started in that order (the gateway first, so a port conflict shows before anything slow happens) and
 * stopped in the reverse one: gateway, services (SIGTERM, wait), then the servers they were using.
 */
public final class LocalPlatform implements AutoCloseable {

    /** Each service's own database and the bucket media-service stores uploads in. */
    static final String JWT_DIR = "jwt";
    private static final Duration STOP_GRACE = Duration.ofSeconds(25);

    private final InstanceLock lock;
    private final Gateway gateway;
    private final EmbeddedPlatform platform;
    private final DevKeys keys;
    private final Map<String, ServiceJar> services;
    private final List<ServiceProcess> processes;
    private final Path dataDirectory;
    private final long startMillis;
    private boolean closed;

    private LocalPlatform(InstanceLock lock, Gateway gateway, EmbeddedPlatform platform, DevKeys keys,
                          Map<String, ServiceJar> services, List<ServiceProcess> processes, Path dataDirectory,
                          long startMillis) {
        this.lock = lock;
        this.gateway = gateway;
        this.platform = platform;
        this.keys = keys;
        this.services = services;
        this.processes = processes;
        this.dataDirectory = dataDirectory;
        this.startMillis = startMillis;
    }

    /**
     * Starts everything and returns once every service answers ready. On any failure whatever was started is
     * stopped again before the exception leaves; a service that did not become ready is named with its log tail.
     */
    public static LocalPlatform start(LocalOptions options, Consumer<String> status) {
        long begin = System.nanoTime();
        Path data = options.dataDirectory().toAbsolutePath().normalize();
        InstanceLock lock = InstanceLock.acquire(data);
        Gateway gateway = null;
        EmbeddedPlatform platform = null;
        List<ServiceProcess> processes = new ArrayList<>();
        try {
            if (options.fresh()) {
                status.accept("--fresh: deleting everything in " + data);
                wipe(data);
            }
            IngressFragments ingress = IngressFragments.read(options.repositoryRoot());
            RouteTable routes = ingress.routes();
            IngressPolicy policy = ingress.policy(options.allowedOrigins());

            for (String replicated : options.replicas().keySet()) {
                if (!routes.services().contains(replicated)) {
                    throw new IllegalArgumentException("--replicas names " + replicated + "; the services are "
                            + routes.services());
                }
            }
            Map<String, ServiceJar> services = new LinkedHashMap<>();
            List<ServiceJar> extraReplicas = new ArrayList<>();
            Map<String, List<InetSocketAddress>> backends = new LinkedHashMap<>();
            for (String name : routes.services()) {
                if (options.backendOverrides().containsKey(name)) {
                    backends.put(name, List.of(options.backendOverrides().get(name)));
                    continue;
                }
                ServiceJar jar = ServiceJar.of(options.repositoryRoot(), name);
                if (options.freeServicePorts()) {
                    jar = jar.onPorts(freePort(), freePort(), freePort());
                }
                services.put(name, jar);
                List<InetSocketAddress> addresses = new ArrayList<>(List.of(new InetSocketAddress(LOOPBACK, jar.httpPort())));
                for (int replica = 2; replica <= options.replicasOf(name); replica++) {
                    ServiceJar more = jar.replica(replica, freePort(), freePort(), freePort());
                    extraReplicas.add(more);
                    addresses.add(new InetSocketAddress(LOOPBACK, more.httpPort()));
                }
                backends.put(name, addresses);
            }
            gateway = Gateway.start(routes, policy, new Backends(backends), options.gatewayPort());

            status.accept("starting PostgreSQL, Redis, Kafka and S3 …");
            CompletableFuture<DevKeys> keysFuture =
                    CompletableFuture.supplyAsync(() -> DevKeys.loadOrCreate(data.resolve(JWT_DIR)),
                            LocalPlatform::thread);
            platform = EmbeddedPlatform.start(data, options.platformPorts());
            DevKeys keys = keysFuture.join();
            for (ServiceJar jar : services.values()) {
                platform.postgres().ensureDatabase(jar.database());
            }
            platform.s3().createBucket(LocalOptions.MEDIA_BUCKET);

            status.accept("starting " + String.join(", ", services.keySet()) + " …");
            Path logs = data.resolve("logs");
            Path run = data.resolve("run");
            for (ServiceJar jar : services.values()) {
                processes.add(ServiceProcess.start(jar, environment(platform, keys, jar, services.values()), logs, run));
            }
            awaitReady(processes, options.readyTimeout());
            if (!extraReplicas.isEmpty()) {
                // After the first replicas migrated the databases: the others start as a rollout's pods would,
                // against a migrated schema (DB_MIGRATE_ON_START=false), with the same peers.
                status.accept("starting " + String.join(", ", extraReplicas.stream().map(ServiceJar::label).toList())
                        + " …");
                List<ServiceProcess> more = new ArrayList<>();
                for (ServiceJar jar : extraReplicas) {
                    Map<String, String> env = environment(platform, keys, jar, services.values());
                    env.put("DB_MIGRATE_ON_START", "false");
                    more.add(ServiceProcess.start(jar, env, logs, run));
                }
                processes.addAll(more);
                awaitReady(more, options.readyTimeout());
            }
            long millis = (System.nanoTime() - begin) / 1_000_000;
            return new LocalPlatform(lock, gateway, platform, keys, services, processes, data, millis);
        } catch (IOException e) {
            stopAll(gateway, processes, platform, lock);
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            stopAll(gateway, processes, platform, lock);
            throw e;
        }
    }

    static final String LOOPBACK = "127.0.0.1";

    /** What a service reads from its environment (docs/configuration.md), pointing at this platform. */
    static Map<String, String> environment(EmbeddedPlatform platform, DevKeys keys, ServiceJar jar,
                                           Iterable<ServiceJar> peers) {
        Map<String, String> env = new LinkedHashMap<>(platform.environment(jar.database(), LocalOptions.MEDIA_BUCKET));
        // A service's default peer address is the fixed port of the root pom; on free ports (the tests) each must be
        // told the others' real ones, or its gRPC calls reach nothing (or another checkout's ./nova local).
        for (ServiceJar peer : peers) {
            env.put(peer.name().replace('-', '_').toUpperCase(java.util.Locale.ROOT) + "_GRPC",
                    LOOPBACK + ":" + peer.grpcPort());
        }
        env.put("HTTP_PORT", Integer.toString(jar.httpPort()));
        env.put("GRPC_PORT", Integer.toString(jar.grpcPort()));
        env.put("ADMIN_PORT", Integer.toString(jar.adminPort()));
        // Only the gateway is meant to be reached, and it listens on loopback: so do the services' own ports.
        env.put("HTTP_BIND_HOST", LOOPBACK);
        env.put("ADMIN_BIND_HOST", LOOPBACK);
        env.put("GRPC_BIND_HOST", LOOPBACK);
        env.put("JWT_PUBLIC_KEY_PEM", keys.publicPem());
        if (jar.name().equals("user-service")) {
            // Only the issuer holds the signing key, as in the cluster (user-service-secrets.yml).
            env.put("JWT_PRIVATE_KEY_PEM", keys.privatePem());
        }
        env.put("APP_ENV", "local");
        env.put("LOG_FORMAT", "text");
        // No load balancer to drain from: stop at once on Ctrl-C.
        env.put("SHUTDOWN_DRAIN_DELAY", "0s");
        env.put("SHUTDOWN_GRACE_PERIOD", "5s");
        return env;
    }

    private static void awaitReady(List<ServiceProcess> processes, Duration timeout) {
        List<CompletableFuture<Optional<String>>> checks = processes.stream()
                .map(p -> CompletableFuture.supplyAsync(() -> p.awaitReady(timeout), LocalPlatform::thread))
                .toList();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            ServiceProcess p = processes.get(i);
            Optional<String> failure;
            try {
                failure = checks.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the services were starting");
            } catch (java.util.concurrent.ExecutionException e) {
                failure = Optional.of(e.getCause().toString());
            }
            failure.ifPresent(why -> failures.add(why + "\n---- last lines of " + p.log() + " ----\n"
                    + p.logTail(40) + "\n----"));
        }
        if (!failures.isEmpty()) {
            throw new ServiceFailedException(String.join("\n\n", failures));
        }
    }

    /** Deletes the data directory's contents, except the lock this launcher holds. */
    private static void wipe(Path data) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().equals(InstanceLock.FILE)) {
                    continue;
                }
                if (Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.walkFileTree(entry, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                            Files.delete(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                            Files.delete(dir);
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } else {
                    Files.delete(entry);
                }
            }
        }
    }

    /**
     * A thread per task: the common pool has one thread on a two-core machine, which would wait for the services
     * (and stop them) one after the other.
     */
    private static void thread(Runnable task) {
        Thread t = new Thread(task, "nova-local-task");
        t.setDaemon(true);
        t.start();
    }

    static int freePort() {
        return PlatformPorts.freePort();
    }

    public Gateway gateway() {
        return gateway;
    }

    public EmbeddedPlatform platform() {
        return platform;
    }

    public DevKeys keys() {
        return keys;
    }

    public Map<String, ServiceJar> services() {
        return services;
    }

    public List<ServiceProcess> processes() {
        return processes;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Kills replica {@code replica} of {@code service} (SIGKILL) and starts it again once {@code down} has passed,
     * as a node failure and the supervisor's restart would; returns when the new process is ready.
     */
    public synchronized void killAndRestart(String service, int replica, Duration down) {
        ServiceProcess victim = processes.stream()
                .filter(p -> p.service().name().equals(service) && p.service().replica() == replica)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no replica " + replica + " of " + service
                        + " is running (start with more replicas)"));
        victim.kill();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Map<String, String> env = environment(platform, keys, victim.service(), services.values());
        env.put("DB_MIGRATE_ON_START", "false");
        ServiceProcess again = ServiceProcess.start(victim.service(), env, dataDirectory.resolve("logs"),
                dataDirectory.resolve("run"));
        processes.set(processes.indexOf(victim), again);
        awaitReady(List.of(again), Duration.ofSeconds(90));
    }

    /** From the start call until every service was ready. */
    public long startMillis() {
        return startMillis;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll(gateway, processes, platform, lock);
    }

    private static void stopAll(Gateway gateway, List<ServiceProcess> processes, EmbeddedPlatform platform,
                                InstanceLock lock) {
        if (gateway != null) {
            gateway.close();
        }
        // In parallel: each takes up to its grace period, and none depends on another.
        CompletableFuture.allOf(processes.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.stop(STOP_GRACE), LocalPlatform::thread))
                .toArray(CompletableFuture[]::new)).join();
        if (platform != null) {
            platform.close();
        }
        lock.close();
    }

    public static final class ServiceFailedException extends IllegalStateException {
        ServiceFailedException(String message) {
            super(message);
        }
    }
}
