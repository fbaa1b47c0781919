package io.nova.kernel.config;

import ch.qos.logback.classic.LoggerContext;
import io.dropwizard.core.Application;
import org.slf4j.LoggerFactory;

/**
 * {@code check}: Dropwizard's configuration check, with logging stopped (not just drained) before the JVM exits.
 *
 * <p>Why: Dropwizard's cleanup only waits until the async console appender's queue is empty. The worker thread may
 * still hold the last event ("Configuration is OK") when the JVM exits, and the line is lost — a {@code check} that
 * succeeds silently. Stopping the logger context interrupts the worker and joins it, so every event is written.
 */
public final class CheckCommand<C extends NovaConfiguration> extends io.dropwizard.core.cli.CheckCommand<C> {

    public CheckCommand(Application<C> application) {
        super(application);
    }

    @Override
    protected void cleanup() {
        super.cleanup();
        stopLogging();
    }

    /** For one-shot commands only: after this, nothing more is logged in this JVM. */
    public static void stopLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
