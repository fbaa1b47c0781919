package io.nova.local;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./nova local}: starts the local platform, prints where everything is, and runs until Ctrl-C.
 *
 * <p>Exit status: 0 after a clean stop, 1 when something did not start, 2 when another instance already runs on
 * the same data directory, 64 for a usage error.
 */
public final class NovaLocal {

    private NovaLocal() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("nova.root", ".")).toAbsolutePath().normalize();
        if (args.length > 0 && args[0].equals("drill")) {
            System.setProperty("nova.local.logDir", root.resolve(".nova/drills/platform/logs").toString());
            int status = 1;
            try {
                status = io.nova.local.drill.DrillCommand.run(root, Arrays.asList(args).subList(1, args.length));
            } catch (Throwable t) {
                System.err.println("nova drill: " + t);
                t.printStackTrace();
            } finally {
                System.exit(status);
            }
        }
        boolean fresh = false;
        boolean check = false;
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--fresh")) {
                fresh = true;
            } else if (arg.equals("--check-not-running")) {
                check = true;
            } else if (arg.equals("--replicas") && i + 1 < args.length && args[i + 1].matches("[a-z-]+=[0-9]")) {
                String[] spec = args[++i].split("=");
                replicas.put(spec[0], Integer.parseInt(spec[1]));
            } else if (!arg.equals("local")) {
                System.err.println("unknown argument: " + arg
                        + "\nusage: ./nova local [--fresh] [--replicas <service>=<n> …]");
                System.exit(64);
            }
        }
        LocalOptions options = LocalOptions.defaults(root).withFresh(fresh);
        try {
            for (Map.Entry<String, Integer> r : replicas.entrySet()) {
                options = options.withReplicas(r.getKey(), r.getValue());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("nova local: " + e.getMessage());
            System.exit(64);
        }
        String origins = System.getenv("NOVA_CORS_ORIGINS");
        if (origins != null && !origins.isBlank()) {
            options = options.withAllowedOrigins(Arrays.stream(origins.split(",")).map(String::trim).toList());
        }
        String gatewayPort = System.getenv("NOVA_GATEWAY_PORT");
        if (gatewayPort != null && !gatewayPort.isBlank()) {
            options = options.withGatewayPort(Integer.parseInt(gatewayPort.trim()));
        }
        if (check) {
            // The launcher script asks this before it rebuilds anything: rebuilding the jars under a running
            // instance would pull its classes from under it.
            try (InstanceLock lock = InstanceLock.acquire(options.dataDirectory())) {
                System.exit(0);
            } catch (InstanceLock.AlreadyRunningException e) {
                System.err.println("nova local: " + e.getMessage());
                System.exit(2);
            }
        }
        // Before the first logger exists: the embedded servers log to a file, the terminal gets the summary.
        System.setProperty("nova.local.logDir", options.dataDirectory().resolve("logs").toString());
        int status = 1;
        try {
            status = run(options);
        } catch (Throwable t) {
            // Nothing is hidden: the failure is printed in full and the exit status stays 1. Catching everything
            // (Errors too) is what guarantees the exit: Kafka's and Redisson's threads are not daemons and would
            // keep a failed launcher alive otherwise.
            System.err.println("nova local: " + t);
            t.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    static int run(LocalOptions options) {
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        // Our own SIGINT/SIGTERM handling instead of shutdown hooks: hooks run concurrently, and the embedded
        // platform's own hook would stop PostgreSQL while the services are still using it. Here the order is
        // ours: services first, then the servers. A signal during the start interrupts it (and it cleans up).
        SignalHandler handler = signal -> {
            stop.countDown();
            main.interrupt();
        };
        Signal.handle(new Signal("INT"), handler);
        Signal.handle(new Signal("TERM"), handler);

        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(options, line -> System.out.println("nova local: " + line));
        } catch (InstanceLock.AlreadyRunningException e) {
            System.err.println("nova local: " + e.getMessage());
            return 2;
        } catch (LocalPlatform.ServiceFailedException e) {
            System.err.println("nova local: a service did not start; everything was stopped.\n\n" + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (stop.getCount() == 0) {
                System.err.println("nova local: stopped during start.");
                return 0;
            }
            System.err.println("nova local: could not start: " + e);
            Throwable cause = e.getCause();
            while (cause != null) {
                System.err.println("  caused by: " + cause);
                cause = cause.getCause();
            }
            return 1;
        }
        Thread.interrupted(); // a signal that raced the end of the start is still in the latch
        System.out.println(summary(platform));
        try {
            stop.await();
        } catch (InterruptedException e) {
            // A signal: stop below.
        }
        System.out.println("nova local: stopping the services, then the platform …");
        long begin = System.nanoTime();
        platform.close();
        System.out.println("nova local: stopped in " + (System.nanoTime() - begin) / 1_000_000 + " ms.");
        return 0;
    }

    static String summary(LocalPlatform p) {
        var s3 = p.platform().s3();
        StringBuilder out = new StringBuilder("\nNova is running (ready in ")
                .append(String.format("%.1f", p.startMillis() / 1000.0)).append(" s, ")
                .append(memoryMegabytes(p)).append(" MB in all processes, PSS)\n\n")
                .append("  gateway            ").append(p.gateway().uri()).append("   (health: ")
                .append(p.gateway().uri()).append(Gateway.HEALTH).append(")\n");
        for (ServiceProcess process : p.processes()) {
            ServiceJar jar = process.service();
            out.append(String.format("  %-18s http://127.0.0.1:%d   grpc :%d  admin :%d  log %s%n", jar.name(),
                    jar.httpPort(), jar.grpcPort(), jar.adminPort(), process.log()));
        }
        out.append(String.format("  %-18s %s  user %s, databases %s%n", "postgres",
                        p.platform().postgres().serverUrl(), p.platform().postgres().user(),
                        String.join(", ", p.services().values().stream().map(ServiceJar::database).toList())))
                .append(String.format("  %-18s %s%n", "redis", p.platform().redis().uri()))
                .append(String.format("  %-18s %s%n", "kafka", p.platform().kafka().bootstrapServers()))
                .append(String.format("  %-18s %s  bucket %s, key %s / %s (path-style)%n", "s3", s3.endpoint(),
                        LocalOptions.MEDIA_BUCKET, s3.accessKey(), s3.secretKey()))
                .append(String.format("  %-18s %s%n", "jwt dev keys", p.keys().directory()))
                .append(String.format("  %-18s %s%n", "data", p.dataDirectory()))
                .append("\nCtrl-C stops everything; ./nova local --fresh starts from empty data.\n");
        return out.toString();
    }

    /**
     * What the platform costs: this JVM, every process below it (the services, redis-server) and PostgreSQL, which
     * pg_ctl detaches from us. PSS, not RSS: PostgreSQL's backends share its buffers, and RSS would count them once
     * per connection.
     */
    static long memoryMegabytes(LocalPlatform p) {
        java.util.Set<Long> pids = new java.util.TreeSet<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(h -> pids.add(h.pid()));
        p.platform().postgres().pid().flatMap(ProcessHandle::of).ifPresent(pg -> {
            pids.add(pg.pid());
            pg.descendants().forEach(h -> pids.add(h.pid()));
        });
        long kb = 0;
        for (long pid : pids) {
            kb += rssKb(pid);
        }
        return kb / 1024;
    }

    private static long rssKb(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"));
            for (String line : lines) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process just ended.
        }
        return 0;
    }
}
