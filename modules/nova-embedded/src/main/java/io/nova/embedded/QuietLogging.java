package io.nova.embedded;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * Sets the servers' own loggers to WARN unless the application configured them.
 *
 * <p>Kafka logs about 3,400 INFO lines per start, and S3Proxy's shaded Jetty logs every thread at DEBUG when
 * Logback runs on its default configuration (a test JVM before Dropwizard configures logging). None of it helps
 * someone testing a Nova service. A level set in a logback file is left alone. Only Logback is handled: it is the
 * one SLF4J provider Nova uses (Dropwizard requires it). A Dropwizard application started later in the same JVM
 * resets Logback, and its own logging configuration decides from then on.
 */
final class QuietLogging {

    private static final String[] SERVER_LOGGERS = {
        "kafka", "org.apache.kafka", "state.change.logger", "org.gaul", "io.zonky", "redis.embedded",
    };

    private QuietLogging() {
    }

    static void apply() {
        for (String name : SERVER_LOGGERS) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger
                    && logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
