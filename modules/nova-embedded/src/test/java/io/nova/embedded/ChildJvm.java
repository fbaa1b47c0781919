package io.nova.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A second JVM running {@link PlatformChild}, its output going to a file the test reads. */
final class ChildJvm {

    final Process process;
    final Path log;
    Path dataDirectory;
    long postgresPid;
    long redisPid;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                PlatformChild.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ChildJvm(process, log);
    }

    /** Waits for the READY line and reads what it reports. */
    ChildJvm awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = Files.readAllLines(log).stream().filter(l -> l.startsWith("READY ")).findFirst();
            if (ready.isPresent()) {
                String[] parts = ready.get().split(" ");
                dataDirectory = Path.of(parts[1]);
                postgresPid = Long.parseLong(parts[2]);
                redisPid = Long.parseLong(parts[3]);
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("child JVM died: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("child JVM not ready in " + timeout + ": " + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook runs, exactly like the OOM killer or {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
