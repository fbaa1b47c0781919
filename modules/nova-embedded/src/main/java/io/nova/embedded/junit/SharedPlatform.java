package io.nova.embedded.junit;

import io.nova.embedded.EmbeddedPlatform;

/**
 * The one {@link EmbeddedPlatform} of a test JVM.
 *
 * <p>Static so that a second JUnit execution in the same JVM, or code outside JUnit, finds the running platform
 * instead of starting another. JUnit's root store holds it and closes it when the test run ends; should that
 * never happen, the platform's own JVM shutdown hook stops it.
 */
final class SharedPlatform implements AutoCloseable {

    private static EmbeddedPlatform running;

    private final EmbeddedPlatform platform;

    private SharedPlatform(EmbeddedPlatform platform) {
        this.platform = platform;
    }

    static synchronized SharedPlatform acquire() {
        if (running == null) {
            EmbeddedPlatform started = EmbeddedPlatform.start();
            System.out.printf("Nova test platform up in %d ms: %s%n", started.startMillis().get("total"), started);
            running = started;
        }
        return new SharedPlatform(running);
    }

    EmbeddedPlatform platform() {
        return platform;
    }

    @Override
    public void close() {
        synchronized (SharedPlatform.class) {
            if (running == platform) {
                running = null;
            }
        }
        platform.close();
    }
}
