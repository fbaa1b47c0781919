package io.nova.embedded;

import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka broker needs before it may run inside someone else's JVM.
 *
 * <p>Kafka's fatal-error handlers call {@code Runtime.halt()}: in a shared JVM one broker fault would kill the
 * tests or the local services and orphan the PostgreSQL and Redis child processes. The halt and exit procedures
 * are replaced by ones that throw, so the fault surfaces as an exception in the broker thread instead. Kafka's
 * INFO flood is silenced by {@link QuietLogging}.
 */
final class KafkaSafety {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSafety.class);
    private static volatile boolean installed;

    private KafkaSafety() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        Exit.setHaltProcedure((status, message) -> {
            throw refused("halt", status, message);
        });
        Exit.setExitProcedure((status, message) -> {
            throw refused("exit", status, message);
        });
        QuietLogging.apply();
        installed = true;
    }

    private static IllegalStateException refused(String what, int status, String message) {
        LOG.error("Embedded Kafka asked the JVM to {} with status {} ({}); refused", what, status, message);
        return new IllegalStateException("Embedded Kafka asked the JVM to " + what + " (" + status + "): " + message);
    }
}
