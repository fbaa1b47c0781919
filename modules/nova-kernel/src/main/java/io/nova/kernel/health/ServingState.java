package io.nova.kernel.health;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the service still wants new work. Flips once, when shutdown begins; readiness and gRPC health follow it. */
public final class ServingState {

    private final AtomicBoolean draining = new AtomicBoolean();

    public boolean isDraining() {
        return draining.get();
    }

    /** Returns true the first time only. */
    public boolean startDraining() {
        return draining.compareAndSet(false, true);
    }
}
