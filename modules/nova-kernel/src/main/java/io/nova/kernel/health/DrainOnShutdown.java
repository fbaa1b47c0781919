package io.nova.kernel.health;

import io.dropwizard.util.Duration;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs when the server begins to stop (SIGTERM from Kubernetes), before it stops accepting connections: readiness
 * turns to DRAINING, gRPC health to NOT_SERVING, and we wait so that endpoint controllers and load balancers stop
 * sending new work. Jetty then closes its connectors and lets in-flight requests finish within the grace period.
 */
public final class DrainOnShutdown implements LifeCycle.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DrainOnShutdown.class);

    private final ServingState serving;
    private final Duration delay;
    private final Runnable onDrain;

    public DrainOnShutdown(ServingState serving, Duration delay, Runnable onDrain) {
        this.serving = serving;
        this.delay = delay;
        this.onDrain = onDrain;
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        if (!serving.startDraining()) {
            return;
        }
        onDrain.run();
        LOG.info("Draining: readiness is now DRAINING; accepting requests for {} more", delay);
        try {
            Thread.sleep(delay.toMilliseconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
