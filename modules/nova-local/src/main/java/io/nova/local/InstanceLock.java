package io.nova.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * "One ./nova local per data directory", as an OS file lock on {@code <data>/local.lock}: the kernel releases it
 * when the launcher dies however it dies, so a stale lock never blocks a start. It is taken before anything else
 * — before {@code --fresh} deletes data a running instance is using, before ports are bound — and it holds the
 * owner's pid so the refusal can name it. (nova-embedded locks {@code platform.lock} in the same directory for the
 * servers; that lock is taken later and only guards the servers.)
 */
final class InstanceLock implements AutoCloseable {

    static final String FILE = "local.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            Files.createDirectories(dataDirectory);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = readOwner(channel);
                channel.close();
                throw new AlreadyRunningException("Nova local is already running" + owner + " with its data in "
                        + dataDirectory + ". Stop it first (Ctrl-C in its terminal), or use another data directory.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + file, e);
        }
    }

    private static String readOwner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            int n = channel.read(buffer, 0);
            String pid = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Released with the channel or the process anyway.
        }
    }

    static final class AlreadyRunningException extends IllegalStateException {
        AlreadyRunningException(String message) {
            super(message);
        }
    }
}
