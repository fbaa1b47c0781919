package io.nova.messaging.core.realtime;

/**
 * A token bucket over one socket's inbound frames: {@code perSecond} sustained, {@code burst} at once. A client
 * that empties it is flooding and is closed ({@link CloseCodes#FLOODING}).
 */
final class InboundRate {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    InboundRate(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    synchronized boolean tryAcquire(long nowNanos) {
        tokens = Math.min(burst, tokens + Math.max(0, nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
