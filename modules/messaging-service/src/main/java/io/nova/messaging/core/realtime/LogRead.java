package io.nova.messaging.core.realtime;

import java.util.List;

/**
 * What a read of a replay log after a position found: the events after it (in order, at most the count asked
 * for), or — when the log no longer holds everything after that position — {@code resync} with nothing to replay.
 * {@code last} is the newest id in the log ({@link EventId#ZERO} when there is none).
 */
public record LogRead(boolean resync, EventId last, List<LoggedEvent> events) {

    static LogRead resyncFrom(EventId last) {
        return new LogRead(true, last, List.of());
    }
}
