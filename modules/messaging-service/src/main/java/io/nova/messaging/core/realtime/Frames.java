package io.nova.messaging.core.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The server's frames: {@code {"type", "id", "data"}}. {@code id} is the event id for events from the replay log
 * and null for everything else (hello, pong, resumed, resync_required, typing, errors): only logged events have
 * a place in the sequence a client resumes from.
 */
public final class Frames {

    private final ObjectMapper mapper;

    public Frames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The data was written as JSON by the fan-out and is sent as it is, without parsing it again. */
    String event(LoggedEvent event) {
        return "{\"type\":" + quoted(event.type()) + ",\"id\":\"" + event.id() + "\",\"data\":" + event.data() + "}";
    }

    String hello(long heartbeatIntervalMillis, EventId lastEventId) {
        ObjectNode data = mapper.createObjectNode();
        data.put("heartbeat_interval_ms", heartbeatIntervalMillis);
        data.put("last_event_id", lastEventId.toString());
        return control("hello", data);
    }

    String pong() {
        return control("pong", mapper.createObjectNode());
    }

    String resumed(EventId lastEventId) {
        return control("resumed", mapper.createObjectNode().put("last_event_id", lastEventId.toString()));
    }

    /** The log no longer holds what was asked for: reload by REST; live events follow after {@code last}. */
    String resyncRequired(EventId last) {
        return control("resync_required", mapper.createObjectNode().put("last_event_id", last.toString()));
    }

    String typing(UUID conversationId, UUID userId) {
        return control("typing", mapper.createObjectNode()
                .put("conversation_id", conversationId.toString())
                .put("user_id", userId.toString()));
    }

    String authenticated(Instant expiresAt) {
        return control("authenticated", mapper.createObjectNode().put("expires_at", expiresAt.toString()));
    }

    /** The API's error shape inside an error frame's data. */
    String error(String code, String message) {
        return control("error", mapper.createObjectNode().put("error", code).put("message", message));
    }

    private String control(String type, ObjectNode data) {
        ObjectNode frame = mapper.createObjectNode();
        frame.put("type", type);
        frame.putNull("id");
        frame.set("data", data);
        return write(frame);
    }

    private String quoted(String text) {
        return write(mapper.getNodeFactory().textNode(text));
    }

    private String write(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame could not be written", e);
        }
    }
}
