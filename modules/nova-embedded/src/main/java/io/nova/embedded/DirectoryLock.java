package io.nova.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OS file lock that marks a directory as owned by a running server.
 *
 * <p>The kernel drops the lock when the owning JVM dies, however it dies. That makes "can the lock be taken?"
 * the reliable test for "is the previous owner gone?", which decides whether processes found in the directory
 * are orphans that may be stopped, or belong to someone alive and must be left alone.
 */
final class DirectoryLock implements AutoCloseable {

    /**
     * Lock files this JVM holds. On Linux closing ANY channel of a file drops every lock the process has on it,
     * so this JVM must never open a second channel to probe a lock it holds itself; it asks this set instead.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock in {@code lockFile} (creating it), or fails naming {@code what} when someone holds it. */
    static DirectoryLock acquire(Path lockFile, String what) {
        Path path = lockFile.toAbsolutePath().normalize();
        if (!HELD_HERE.add(path)) {
            throw inUse(path, what);
        }
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                HELD_HERE.remove(path);
                throw inUse(path, what);
            }
            return new DirectoryLock(path, channel, lock);
        } catch (IOException e) {
            HELD_HERE.remove(path);
            throw new UncheckedIOException("could not lock " + lockFile, e);
        }
    }

    private static IllegalStateException inUse(Path lockFile, String what) {
        return new IllegalStateException(what + " " + lockFile.getParent()
                + " is in use by another running server; stop it first or choose another directory.");
    }

    /** True when a live process (this JVM included) holds the lock in {@code lockFile}. */
    static boolean isHeld(Path lockFile) {
        if (HELD_HERE.contains(lockFile.toAbsolutePath().normalize())) {
            return true;
        }
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = tryLock(channel);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException e) {
            // Unreadable: assume an owner rather than stop processes that may not be orphans.
            return true;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this JVM.
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The lock goes away with the channel or the process anyway.
        } finally {
            HELD_HERE.remove(path);
        }
    }
}
