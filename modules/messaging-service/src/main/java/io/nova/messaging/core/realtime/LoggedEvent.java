package io.nova.messaging.core.realtime;

/** One entry of a user's replay log: its id, the event type and the frame's {@code data} as JSON text. */
public record LoggedEvent(EventId id, String type, String data) {
}
