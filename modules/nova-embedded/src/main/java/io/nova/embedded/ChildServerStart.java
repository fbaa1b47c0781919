package io.nova.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a server that runs as a child process (PostgreSQL, redis-server) is started on a directory: take the
 * directory's lock — holding it proves that any such process still running there was left by a dead owner —, stop
 * those leftovers, then start. If the start fails, the lock is released again.
 *
 * <p>Such starts run one at a time in a JVM. Each unpacks its executables and then forks them; a fork on another
 * thread while an executable is still open for writing hands that open file to the child, and exec of the executable
 * then fails with ETXTBSY ("Text file busy") — seen when PostgreSQL and Redis started in parallel on a fresh machine.
 */
final class ChildServerStart {

    private static final Object UNPACK_AND_FORK = new Object();

    /** Starts the server once the directory is ours; the lock belongs to the server from then on. */
    interface Start<T> {
        T start(DirectoryLock lock) throws IOException;
    }

    private ChildServerStart() {
    }

    static <T> T run(String server, Path directory, Path lockFile, Path pidFile, String program, Start<T> start) {
        DirectoryLock lock = null;
        try {
            Files.createDirectories(lockFile.getParent());
            lock = DirectoryLock.acquire(lockFile, server);
            ProcessReaper.stopRecorded(pidFile, program, directory);
            ProcessReaper.stopAllIn(directory, program);
            synchronized (UNPACK_AND_FORK) {
                return start.start(lock);
            }
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(server + " did not start in " + directory, (IOException) e);
        }
    }
}
