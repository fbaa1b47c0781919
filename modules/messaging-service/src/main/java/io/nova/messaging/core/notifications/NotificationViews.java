package io.nova.messaging.core.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.messaging.api.NotificationView;
import io.nova.messaging.db.NotificationRow;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Rows as their owner sees them, and the target as it is stored. Pure. */
public final class NotificationViews {

    /** The target is a flat map of ids we wrote ourselves: plain JSON, no API naming rules involved. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> TARGET = new TypeReference<>() {
    };

    private NotificationViews() {
    }

    public static NotificationView view(NotificationRow row) {
        return new NotificationView(row.id().toString(), row.kind(), row.count(),
                row.latestActors().stream().map(UUID::toString).toList(), target(row.targetJson()),
                row.createdAt(), row.latestAt(), row.unread());
    }

    static String targetJson(Map<String, String> target) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(target));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static Map<String, String> target(String json) {
        try {
            return JSON.readValue(json, TARGET);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored target is not a map of ids: " + json, e);
        }
    }
}
