package io.nova.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service jar running as a child JVM, its output appended to its own log file.
 *
 * <p>A child process rather than a service in the launcher's JVM: that is how the service runs in production (its
 * own JVM, heap and classpath, {@code java -jar … server}), four services' dependency trees cannot clash, and one
 * service can be stopped or crash without the others. Its pid is written next to the log so that a launcher
 * killed with SIGKILL, which cannot stop its children, lets the next start find and stop them.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Small heaps, the serial collector and C1 only: four JVMs plus the platform fit in 2 GB and start fast.
     * {@code NOVA_SERVICE_JAVA_OPTS} replaces them, e.g. without {@code TieredStopAtLevel} for benchmarks (C2 compiles
     * the hot paths fully, at the cost of memory and warm-up).
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m",
            "-Xshare:auto");

    static List<String> jvmOptions(String configured) {
        return configured == null || configured.isBlank() ? JVM_OPTIONS : List.of(configured.strip().split("\\s+"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceJar service;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ServiceProcess(ServiceJar service, Process process, Path log, Path pidFile) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /** Starts {@code java -jar <jar> server} with {@code environment} added to the launcher's own. */
    public static ServiceProcess start(ServiceJar service, Map<String, String> environment, Path logDirectory,
                                       Path runDirectory) {
        Path log = logDirectory.resolve(service.label() + ".log");
        Path pidFile = runDirectory.resolve(service.label() + ".pid");
        stopLeftover(pidFile, service);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(System.getenv("NOVA_SERVICE_JAVA_OPTS")));
        command.add("-jar");
        command.add(service.jar().toString());
        command.add("server");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // As in the cluster (the Deployment's env): glibc's per-thread malloc arenas only add resident memory.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logDirectory);
            Files.createDirectories(runDirectory);
            Files.writeString(log, "==== " + java.time.Instant.now() + " nova local starts " + service.label()
                    + " ====\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ServiceProcess(service, process, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.label(), e);
        }
    }

    /**
     * Stops a process of an earlier launcher that was killed before it could stop its children (its pid file is
     * still there). Only a process that is still running this service's jar is stopped: pids are reused.
     */
    static void stopLeftover(Path pidFile, ServiceJar service) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(h -> h.info().commandLine().orElse("").contains(service.jar().toString()))
                    .ifPresent(h -> {
                        System.out.println("  stopping " + service.label() + " (pid " + pid
                                + ") left running by an earlier nova local");
                        h.destroy();
                        try {
                            h.onExit().get(15, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            h.destroyForcibly();
                        }
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // Unreadable pid file: nothing we can safely stop.
        }
    }

    public ServiceJar service() {
        return service;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Polls {@code /api/v1/health/ready} until it answers 200; empty when ready, else why not (the process died,
     * or the time ran out).
     */
    public Optional<String> awaitReady(Duration timeout) {
        URI ready = URI.create("http://127.0.0.1:" + service.httpPort() + "/api/v1/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return Optional.of(service.label() + " exited with status " + process.exitValue());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Optional.empty();
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
        return Optional.of(service.label() + " was not ready after " + timeout.toSeconds() + " s (last: " + last + ")");
    }

    /** The last {@code lines} lines of the service's log, for a failure message. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /** SIGTERM (the service drains and stops gracefully), then SIGKILL if it has not exited within {@code grace}. */
    public void stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // A stale pid file is checked against the command line before anything is stopped.
        }
    }

    /** SIGKILL, as a node failure or the OOM killer would: no draining, no goodbye to sockets or consumers. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(25));
    }
}
