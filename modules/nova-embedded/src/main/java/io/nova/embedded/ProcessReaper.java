package io.nova.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds and stops postgres and redis-server processes that an earlier JVM started but never stopped.
 *
 * <p>Both servers are child processes: when the JVM that started them is killed (SIGKILL, OOM killer, a crashed
 * IDE run) they keep running, keep their ports and keep their data directory locked, and the next start fails.
 * Each server writes a pid file into its own directory and runs with that directory as its working directory.
 * A pid is only signalled after {@code /proc} shows it is still that program running in that directory: pids
 * are reused, and a pid file alone could name an unrelated process.
 */
final class ProcessReaper {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessReaper.class);
    private static final Path PROC = Path.of("/proc");
    private static final Duration GRACE = Duration.ofSeconds(5);

    private ProcessReaper() {
    }

    /**
     * Stops the process recorded in {@code pidFile} if it is {@code program} working in {@code directory}, then
     * removes the pid file. Returns true when a process was stopped.
     */
    static boolean stopRecorded(Path pidFile, String program, Path directory) {
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return false;
        }
        boolean stopped = false;
        if (isRunningIn(pid.get(), program, directory)) {
            LOG.warn("Stopping a {} (pid {}) left running in {} by an earlier run", program, pid.get(), directory);
            stop(pid.get());
            stopped = true;
        }
        // The server cannot remove its pid file after a kill; a stale one would make PostgreSQL hesitate.
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.debug("could not remove {}", pidFile, e);
        }
        return stopped;
    }

    /**
     * Stops every process running {@code program} whose working directory is {@code directory} or below it.
     * This catches what pid files miss: a server killed between its start and writing its pid file, or a
     * PostgreSQL backend that outlived its postmaster.
     */
    static int stopAllIn(Path directory, String program) {
        List<Long> pids = processesIn(directory, program);
        pids.forEach(pid -> {
            LOG.warn("Stopping a {} (pid {}) left running in {}", program, pid, directory);
            stop(pid);
        });
        return pids.size();
    }

    /** Pids of the processes running {@code program} with a working directory inside {@code directory}. */
    static List<Long> processesIn(Path directory, String program) {
        Path root = realPath(directory);
        List<Long> found = new ArrayList<>();
        if (root == null || !Files.isDirectory(PROC)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> pid != ProcessHandle.current().pid())
                    .filter(ProcessReaper::isRunning)
                    .filter(pid -> commandLine(pid).contains(program))
                    .filter(pid -> workingDirectory(pid).map(cwd -> cwd.startsWith(root)).orElse(false))
                    .forEach(found::add);
        } catch (IOException e) {
            LOG.debug("could not list {}", PROC, e);
        }
        return found;
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isRunningIn(long pid, String program, Path directory) {
        Path expected = realPath(directory);
        return isRunning(pid)
                && commandLine(pid).contains(program)
                && expected != null
                && workingDirectory(pid).map(expected::equals).orElse(false);
    }

    /** SIGTERM (both servers shut down cleanly on it), then SIGKILL if it is still there after a grace period. */
    static void stop(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        handle.get().destroy();
        if (!awaitExit(handle.get(), GRACE)) {
            handle.get().destroyForcibly();
            if (!awaitExit(handle.get(), GRACE)) {
                LOG.error("pid {} did not exit after SIGKILL", pid);
            }
        }
    }

    /**
     * Polls rather than using {@code onExit()}: for a process that is not this JVM's child the JDK can only poll
     * too, and does so with long sleeps, which made every stop of an orphan cost a second or more.
     */
    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(handle.pid())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(handle.pid());
            }
        }
        return true;
    }

    /**
     * Alive and not a zombie. An orphan whose parent JVM was killed is re-parented to init, which may reap it
     * only much later; until then the pid still exists, but the server is gone and its port is free.
     */
    static boolean isRunning(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // "pid (comm) S ...": the state follows the last ')' since comm may itself contain ')'.
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("cwd")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }
}
