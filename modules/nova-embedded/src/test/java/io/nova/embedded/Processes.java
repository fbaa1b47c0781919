package io.nova.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the tests check about the server processes: which run in a directory, and how much memory they use. */
final class Processes {

    private Processes() {
    }

    /** Every postgres and redis-server process working inside {@code directory}. */
    static List<Long> serversIn(Path directory) {
        List<Long> pids = new ArrayList<>(ProcessReaper.processesIn(directory, "postgres"));
        pids.addAll(ProcessReaper.processesIn(directory, "redis-server"));
        return pids;
    }

    /** Running, that is: not gone and not a zombie waiting for init to reap it. */
    static boolean alive(long pid) {
        return ProcessReaper.isRunning(pid);
    }

    /** Resident memory of {@code pid} in MiB, from /proc (0 when it is gone). */
    static long rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Resident memory of several processes in MiB. PostgreSQL backends share the postmaster's buffers, so
     * this sum over-counts shared pages; it is an upper bound.
     */
    static long rssMib(List<Long> pids) {
        return pids.stream().mapToLong(Processes::rssMib).sum();
    }
}
