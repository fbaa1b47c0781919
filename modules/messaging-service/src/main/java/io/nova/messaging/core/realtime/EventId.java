package io.nova.messaging.core.realtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a user's replay log: the Redis stream entry id ({@code <milliseconds>-<sequence>}), which is also
 * the {@code id} of the event's frame. Redis makes them strictly increasing per stream, whichever replica appends,
 * so they order all of one user's events. {@link #ZERO} is "before everything".
 */
public record EventId(long millis, long sequence) {

    public static final EventId ZERO = new EventId(0, 0);

    /** Sizes Lua's doubles still hold exactly (the log scripts compare ids in Lua). */
    private static final Pattern FORM = Pattern.compile("(\\d{1,15})-(\\d{1,10})");

    public static Optional<EventId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EventId(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
    }

    /** Later in the log than {@code other}. */
    public boolean isAfter(EventId other) {
        return millis != other.millis ? millis > other.millis : sequence > other.sequence;
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
