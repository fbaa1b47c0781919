package io.nova.messaging.core.realtime;

import java.time.Duration;

/**
 * The realtime layer's knobs (the wiring maps the {@code realtime} configuration block onto them).
 *
 * @param heartbeatInterval told to clients in {@code hello}; a socket silent for two of them is closed
 * @param sendQueueFrames   frames waiting to be sent per socket before events wait in the log (and typing is dropped)
 * @param sendStallTimeout  how long frames may wait behind a send the network does not take before the socket is shed
 * @param inboundPerSecond  sustained client frames per second
 * @param inboundBurst      client frames allowed at once above the sustained rate
 * @param readBatch         events read from a log per round trip
 */
public record RealtimeSettings(Duration heartbeatInterval, int sendQueueFrames, Duration sendStallTimeout,
                               int inboundPerSecond, int inboundBurst, int readBatch) {
}
