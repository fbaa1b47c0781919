package io.nova.messaging.core;

import io.nova.kernel.errors.DomainException;

import java.util.Map;

/**
 * Where a member's read position goes when they report {@code up_to_seq}: it only moves forward (an older report,
 * from another device or a retry, changes nothing), and never past the newest message.
 */
public final class ReadPosition {

    private ReadPosition() {
    }

    /** The position after the report; a seq below 0 is a 400, one past the newest message a 422. */
    public static long next(long current, Long upToSeq, long lastSeq) {
        if (upToSeq == null) {
            throw Fields.invalid("up_to_seq", "is required");
        }
        if (upToSeq < 0) {
            throw Fields.invalid("up_to_seq", "must be 0 or more");
        }
        if (upToSeq > lastSeq) {
            throw DomainException.unprocessable("seq_out_of_range", "up_to_seq " + upToSeq
                    + " is past the newest message (" + lastSeq + ")", Map.of("last_seq", lastSeq));
        }
        return Math.max(current, upToSeq);
    }
}
