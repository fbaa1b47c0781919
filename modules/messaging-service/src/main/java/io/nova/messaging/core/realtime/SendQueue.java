package io.nova.messaging.core.realtime;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The frames of one socket waiting for the network, bounded. Events are only read from the log while there is
 * room for them, so a slow socket costs a bounded amount of memory and its backlog stays in the log. Typing
 * signals are the first to go: refused when the queue is full, and evicted to make room for an event. Control
 * frames (hello, pong, resumed, errors) are few — one per client frame at most, which the inbound rate bounds —
 * and always kept. Not thread-safe: its socket's delivery guards it.
 */
final class SendQueue {

    enum Kind { EVENT, CONTROL, EPHEMERAL }

    /** A frame and what to do once the network has taken it (nothing: {@link #NOTHING}). */
    record Waiting(String text, Kind kind, Runnable afterSent) {
    }

    static final Runnable NOTHING = () -> { };

    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final int capacity;
    private int ephemerals;

    SendQueue(int capacity) {
        this.capacity = capacity;
    }

    /** How many events fit now, counting typing signals as room (they would be evicted). */
    int roomForEvents() {
        return Math.max(0, capacity - (waiting.size() - ephemerals));
    }

    void offerEvent(String text) {
        offerEvent(text, NOTHING);
    }

    /** An event whose delivery someone waits for: {@code afterSent} runs once the network has taken it. */
    void offerEvent(String text, Runnable afterSent) {
        if (waiting.size() >= capacity) {
            evictOneEphemeral();
        }
        waiting.add(new Waiting(text, Kind.EVENT, afterSent));
    }

    /** False when the queue is full: the signal is dropped. */
    boolean offerEphemeral(String text) {
        if (waiting.size() >= capacity) {
            return false;
        }
        waiting.add(new Waiting(text, Kind.EPHEMERAL, NOTHING));
        ephemerals++;
        return true;
    }

    void offerControl(String text) {
        waiting.add(new Waiting(text, Kind.CONTROL, NOTHING));
    }

    /** The next frame's text, or null. */
    String poll() {
        Waiting next = next();
        return next == null ? null : next.text();
    }

    /** The next frame to send, or null. */
    Waiting next() {
        Waiting next = waiting.poll();
        if (next != null && next.kind() == Kind.EPHEMERAL) {
            ephemerals--;
        }
        return next;
    }

    /** A resume restarts the event sequence: events not yet sent would come twice or out of order. */
    void dropEvents() {
        waiting.removeIf(frame -> frame.kind() == Kind.EVENT);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    int size() {
        return waiting.size();
    }

    void clear() {
        waiting.clear();
        ephemerals = 0;
    }

    private void evictOneEphemeral() {
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            if (it.next().kind() == Kind.EPHEMERAL) {
                it.remove();
                ephemerals--;
                return;
            }
        }
    }
}
