package io.nova.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The directory one platform keeps its servers' data in, locked for as long as the platform runs.
 *
 * <p>Persistent (a path the caller names, for a local run whose data must survive a restart) or temporary (a
 * fresh {@code run-*} directory under {@code java.io.tmpdir/nova-embedded}, deleted on close, for tests).
 * The lock is an OS file lock, which the kernel releases when the owning JVM dies however it dies. So a
 * directory whose lock can be taken belongs to nobody alive, and any postgres or redis-server still running
 * in it is an orphan of a killed JVM: {@link #open} stops those before the new servers start, and sweeps
 * abandoned temporary run directories of dead JVMs the same way, without touching those of live ones (parallel
 * builds, several test JVMs).
 */
final class PlatformDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformDirectory.class);
    private static final String LOCK_FILE = "platform.lock";
    private static final String RUN_PREFIX = "run-";
    /** A run directory without a lock file yet is being created by another JVM unless it is older than this. */
    private static final Duration CREATION_WINDOW = Duration.ofMinutes(1);

    static final String POSTGRES_PROGRAM = "postgres";
    static final String REDIS_PROGRAM = "redis-server";

    private final Path root;
    private final boolean temporary;
    private final DirectoryLock lock;

    private PlatformDirectory(Path root, boolean temporary, DirectoryLock lock) {
        this.root = root;
        this.temporary = temporary;
        this.lock = lock;
    }

    /**
     * Locks {@code directory} (creating it) for this platform, or a new temporary directory when it is null,
     * after stopping servers that a dead JVM left running there.
     */
    static PlatformDirectory open(Path directory) {
        try {
            if (directory == null) {
                Path runs = temporaryRoot();
                Files.createDirectories(runs);
                sweepAbandonedRuns(runs);
                Path run = Files.createDirectory(runs.resolve(RUN_PREFIX + UUID.randomUUID()));
                return lock(run, true);
            }
            Path root = directory.toAbsolutePath().normalize();
            Files.createDirectories(root);
            PlatformDirectory opened = lock(root, false);
            stopOrphans(root);
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the platform directory " + directory, e);
        }
    }

    /** Where temporary runs live; one well-known place so a later run can find and clean a killed one. */
    static Path temporaryRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "nova-embedded");
    }

    Path root() {
        return root;
    }

    boolean temporary() {
        return temporary;
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path redis() {
        return root.resolve("redis");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path s3() {
        return root.resolve("s3");
    }

    Path file(String name) {
        return root.resolve(name);
    }

    /** Releases the lock; a temporary directory is deleted with everything in it. */
    @Override
    public void close() {
        lock.close();
        if (temporary) {
            deleteRecursively(root);
        }
    }

    private static PlatformDirectory lock(Path root, boolean temporary) {
        return new PlatformDirectory(root, temporary,
                DirectoryLock.acquire(root.resolve(LOCK_FILE), "The platform directory"));
    }

    /** Stops postgres and redis-server processes a dead owner of {@code root} left behind. */
    static void stopOrphans(Path root) {
        ProcessReaper.stopRecorded(root.resolve("postgres").resolve("postmaster.pid"), POSTGRES_PROGRAM,
                root.resolve("postgres"));
        ProcessReaper.stopRecorded(root.resolve("redis").resolve(EmbeddedRedis.PID_FILE), REDIS_PROGRAM,
                root.resolve("redis"));
        ProcessReaper.stopAllIn(root, POSTGRES_PROGRAM);
        ProcessReaper.stopAllIn(root, REDIS_PROGRAM);
    }

    private static void sweepAbandonedRuns(Path runs) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runs, RUN_PREFIX + "*")) {
            for (Path run : entries) {
                if (isAbandoned(run)) {
                    stopOrphans(run);
                    deleteRecursively(run);
                }
            }
        }
    }

    private static boolean isAbandoned(Path run) {
        Path lockFile = run.resolve(LOCK_FILE);
        if (Files.exists(lockFile)) {
            return !DirectoryLock.isHeld(lockFile);
        }
        try {
            Instant modified = Files.getLastModifiedTime(run).toInstant();
            return modified.isBefore(Instant.now().minus(CREATION_WINDOW));
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", directory, e.toString());
        }
    }
}
