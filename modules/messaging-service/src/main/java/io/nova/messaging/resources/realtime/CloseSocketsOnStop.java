package io.nova.messaging.resources.realtime;

import io.nova.messaging.core.realtime.CloseCodes;
import io.nova.messaging.core.realtime.LocalSockets;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * When the server begins to stop (after the kernel's drain delay: listeners run in the order they were added),
 * every socket is closed with 1012 so its client resumes on another replica, and no new socket is accepted. It
 * waits, within {@code wait}, for the closing handshakes, so the close frames leave before the connectors stop.
 */
public final class CloseSocketsOnStop implements LifeCycle.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(CloseSocketsOnStop.class);

    private final LocalSockets sockets;
    private final Duration wait;

    public CloseSocketsOnStop(LocalSockets sockets, Duration wait) {
        this.sockets = sockets;
        this.wait = wait;
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        int open = sockets.count();
        sockets.closeAll(CloseCodes.SERVICE_RESTART, "service restart");
        long deadline = System.nanoTime() + wait.toNanos();
        while (sockets.count() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("Closed {} socket(s) with 1012; {} still closing", open, sockets.count());
    }
}
