package io.nova.messaging.core.realtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one socket sends, in order: its user's replay log from a cursor, plus control frames and typing signals.
 *
 * <p>Events reach the socket in log order from the cursor, one of two ways: a read of the log after the cursor
 * (woken by the fan-out, asked for by {@code resume}, or re-checked on a heartbeat, which heals a lost wake-up), or
 * an entry the fan-out carried in its wake-up, taken only when it follows the cursor exactly ({@link #pushed}) —
 * the common case, which costs no read. Reads run one at a time per socket on the delivery executor, and a read
 * that comes back after a carried entry moved the cursor skips what the cursor has passed, so the cursor only moves
 * forward through the log and no event is sent twice or out of order. Nothing flows before the client's first
 * {@code resume} places the cursor.
 *
 * <p>One frame is in flight at a time; the next is sent when the network has taken it. Events are read only while
 * the {@link SendQueue} has room, so a slow socket's backlog waits in Redis, not here.
 */
final class SocketDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SocketDelivery.class);

    private final UUID user;
    private final FrameSink sink;
    private final ReplayLog log;
    private final Executor executor;
    private final Frames frames;
    private final RealtimeMetrics metrics;
    private final int readBatch;
    private final SendQueue queue;
    private final Presence presence;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean dirty;

    // Guarded by this.
    private EventId cursor;
    private long generation;
    private boolean resumePending;
    private boolean wantMore;
    private boolean inFlight;
    private long inFlightSince;
    private Runnable inFlightAfterSent = SendQueue.NOTHING;
    private boolean pumping;
    private boolean closed;

    SocketDelivery(UUID user, FrameSink sink, ReplayLog log, Executor executor, Frames frames,
                   RealtimeMetrics metrics, RealtimeSettings settings, Presence presence) {
        this.user = user;
        this.sink = sink;
        this.log = log;
        this.executor = executor;
        this.frames = frames;
        this.metrics = metrics;
        this.readBatch = settings.readBatch();
        this.queue = new SendQueue(settings.sendQueueFrames());
        this.presence = presence;
    }

    /** Every event after {@code after} in order, then {@code resumed} (or {@code resync_required}). */
    void resume(EventId after) {
        synchronized (this) {
            cursor = after;
            generation++;
            resumePending = true;
            queue.dropEvents();
        }
        metrics.resumes.mark();
        requestDrain();
    }

    /** Something may have been appended to the log: read it (soon, on the delivery executor). */
    void requestDrain() {
        dirty = true;
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drainWhileAsked);
        }
    }

    /**
     * The fan-out appended {@code event} right after {@code previous}: sent as it is when that is where the cursor
     * stands and there is room; otherwise the log is read (which finds it, or finds it already sent).
     */
    void pushed(EventId previous, LoggedEvent event) {
        boolean taken;
        synchronized (this) {
            taken = !closed && cursor != null && !resumePending && cursor.equals(previous)
                    && queue.roomForEvents() > 0;
            if (taken) {
                queue.offerEvent(frames.event(event), presence.afterSent(user, event));
                cursor = event.id();
            }
        }
        if (taken) {
            metrics.carried.mark();
            pump();
        } else {
            requestDrain();
        }
    }

    void offerControl(String text) {
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.offerControl(text);
        }
        pump();
    }

    /** Typing and the like: only to a socket whose client has started (resumed), dropped when it is full. */
    void offerEphemeral(String text) {
        boolean taken;
        synchronized (this) {
            taken = !closed && cursor != null && queue.offerEphemeral(text);
        }
        if (taken) {
            pump();
        } else {
            metrics.typingDropped.mark();
        }
    }

    /** True when frames have waited longer than {@code limitNanos} behind a send the network has not taken. */
    synchronized boolean stalled(long nowNanos, long limitNanos) {
        return inFlight && !queue.isEmpty() && nowNanos - inFlightSince > limitNanos;
    }

    synchronized void close() {
        closed = true;
        queue.clear();
    }

    private void drainWhileAsked() {
        try {
            do {
                dirty = false;
                drain();
            } while (dirty);
        } catch (RuntimeException e) {
            // Redis away or the socket gone: the next wake-up or heartbeat reads again from the same cursor.
            LOG.debug("Delivery to a socket of {} failed: {}", user, e.toString());
        } finally {
            scheduled.set(false);
        }
        if (dirty && scheduled.compareAndSet(false, true)) {
            executor.execute(this::drainWhileAsked);
        }
    }

    private void drain() {
        while (true) {
            EventId from;
            long readGeneration;
            int room;
            synchronized (this) {
                if (closed || cursor == null) {
                    return;
                }
                room = Math.min(queue.roomForEvents(), readBatch);
                if (room == 0) {
                    wantMore = true;
                    return;
                }
                from = cursor;
                readGeneration = generation;
            }
            metrics.reads.mark();
            LogRead read = log.read(user, from, room);
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (readGeneration != generation) {
                    continue;
                }
                if (read.resync()) {
                    queue.offerControl(frames.resyncRequired(read.last()));
                    cursor = read.last();
                    resumePending = false;
                    metrics.resyncs.mark();
                } else {
                    for (LoggedEvent event : read.events()) {
                        if (!event.id().isAfter(cursor)) {
                            continue; // carried by a wake-up while this read was under way: already queued
                        }
                        queue.offerEvent(frames.event(event), presence.afterSent(user, event));
                        cursor = event.id();
                    }
                    if (read.events().size() < room && resumePending) {
                        queue.offerControl(frames.resumed(cursor));
                        resumePending = false;
                    }
                }
            }
            pump();
            if (!read.resync() && read.events().size() < room) {
                return;
            }
        }
    }

    /**
     * Sends waiting frames one at a time. A send that completes at once calls back into here: the flag turns that
     * into another turn of this loop instead of a recursion as deep as the queue.
     */
    private void pump() {
        synchronized (this) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        while (true) {
            SendQueue.Waiting next;
            synchronized (this) {
                next = closed || inFlight ? null : queue.next();
                if (next == null) {
                    pumping = false;
                    return;
                }
                inFlight = true;
                inFlightSince = System.nanoTime();
                inFlightAfterSent = next.afterSent();
            }
            sink.send(next.text(), this::sent);
        }
    }

    private void sent(Throwable failure) {
        boolean more;
        Runnable afterSent;
        synchronized (this) {
            inFlight = false;
            afterSent = inFlightAfterSent;
            inFlightAfterSent = SendQueue.NOTHING;
            if (failure != null) {
                // The socket is going away; its close callback cleans up.
                closed = true;
                queue.clear();
                return;
            }
            more = wantMore;
            wantMore = false;
        }
        metrics.framesOut.mark();
        afterSent.run();
        pump();
        if (more) {
            requestDrain();
        }
    }
}
