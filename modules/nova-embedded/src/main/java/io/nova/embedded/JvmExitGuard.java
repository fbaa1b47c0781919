package io.nova.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Closes a platform once nothing but the platform itself is keeping the JVM alive.
 *
 * <p>Kafka's and Jetty's threads are not daemon threads. Without this guard, a program that starts the platform
 * and then ends without closing it (its main method threw, say) would never exit: the JVM waits for those
 * threads forever, so the shutdown hook that stops PostgreSQL and Redis never runs either. Every server is
 * started from threads of the platform's own {@link ThreadGroup}, and threads inherit their creator's group,
 * so the guard can tell the platform's threads from the application's. When no application thread that is not
 * a daemon is left (the launcher's {@code DestroyJavaVM} thread only waits for the others), it closes the
 * platform, after which the JVM exits normally and runs its shutdown hooks.
 */
final class JvmExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(JvmExitGuard.class);
    private static final long POLL_MILLIS = 500;

    private JvmExitGuard() {
    }

    /** Starts a daemon thread that runs {@code close} when only {@code platformThreads} keep the JVM up. */
    static Thread watch(ThreadGroup platformThreads, Runnable close) {
        Thread guard = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(POLL_MILLIS);
                    if (onlyPlatformKeepsJvmAlive(platformThreads)) {
                        LOG.info("Only the embedded platform keeps this JVM alive; closing it so the JVM can exit");
                        // Not a daemon: once Kafka's threads are gone the JVM would otherwise exit in the middle
                        // of the close and leave PostgreSQL and Redis running.
                        Thread closer = new Thread(close, "nova-embedded-exit-close");
                        closer.setDaemon(false);
                        closer.start();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // The platform was closed.
            }
        }, "nova-embedded-exit-guard");
        guard.setDaemon(true);
        guard.start();
        return guard;
    }

    static boolean onlyPlatformKeepsJvmAlive(ThreadGroup platformThreads) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 32];
        int count = root.enumerate(threads, true);
        return Arrays.stream(threads, 0, count)
                .filter(t -> t.isAlive() && !t.isDaemon())
                .filter(t -> !"DestroyJavaVM".equals(t.getName()))
                .allMatch(t -> belongsTo(t, platformThreads));
    }

    private static boolean belongsTo(Thread thread, ThreadGroup group) {
        ThreadGroup g = thread.getThreadGroup();
        while (g != null) {
            if (g == group) {
                return true;
            }
            g = g.getParent();
        }
        return false;
    }
}
