package io.nova.messaging.core.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nova.kernel.api.Ids;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the fan-out tells every replica after an append: the new entries themselves, each with the id it follows in
 * its user's log, and the users whose sockets should just read their log. A socket whose cursor is the entry's
 * previous id sends the entry as it is; any other socket of that user reads its log instead — so a wake-up lost,
 * reordered or cut short costs a read, never an event or a duplicate.
 *
 * <p>{@code {"o": replica, "e": [{"t": type, "d": data, "r": [[user, previous, id], …]}, …], "w": [user, …]}}.
 * An event's data is carried once for all its recipients. Entries beyond {@link #MAX_CARRIED_CHARS} of data travel
 * as wake-ups. {@code "o"}, the replica that sent it, comes first, so that replica can tell its own message without
 * decoding it ({@link #isFrom}); decoders that do not know it ignore it.
 */
public record WakeMessage(List<ReplayLog.Appended> carried, Set<UUID> wake) {

    /** Bounds one pub/sub message: every replica receives all of it. */
    static final int MAX_CARRIED_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The message for what an append did. */
    static WakeMessage of(ReplayLog.Appends appends) {
        List<ReplayLog.Appended> carried = new ArrayList<>();
        Set<UUID> wake = new LinkedHashSet<>(appends.already());
        int chars = 0;
        LoggedEvent counted = null;
        for (ReplayLog.Appended appended : appends.appended()) {
            LoggedEvent event = appended.event();
            int cost = sameEvent(counted, event) ? 0 : event.data().length() + event.type().length();
            if (chars + cost > MAX_CARRIED_CHARS) {
                wake.add(appended.user());
                continue;
            }
            chars += cost;
            counted = event;
            carried.add(appended);
        }
        return new WakeMessage(carried, wake);
    }

    /** Same type and data: written once, whether it is one event or two alike. */
    private static boolean sameEvent(LoggedEvent one, LoggedEvent other) {
        return one != null && one.type().equals(other.type()) && one.data().equals(other.data());
    }

    boolean isEmpty() {
        return carried.isEmpty() && wake.isEmpty();
    }

    /** The message as replica {@code origin} publishes it. */
    String encode(String origin) {
        ObjectNode root = JSON.createObjectNode();
        root.put("o", origin); // first: see isFrom
        ArrayNode events = root.putArray("e");
        ArrayNode recipients = null;
        LoggedEvent current = null;
        for (ReplayLog.Appended appended : carried) {
            LoggedEvent event = appended.event();
            // Recipients of one event come one after the other: its data is written once for them.
            if (!sameEvent(current, event)) {
                ObjectNode node = events.addObject();
                node.put("t", event.type());
                node.put("d", event.data());
                recipients = node.putArray("r");
                current = event;
            }
            recipients.addArray().add(appended.user().toString()).add(appended.previous().toString())
                    .add(event.id().toString());
        }
        ArrayNode users = root.putArray("w");
        wake.forEach(user -> users.add(user.toString()));
        return root.toString();
    }

    /** Whether {@code text} is a message replica {@code origin} encoded (an id that JSON writes as it is). */
    static boolean isFrom(String text, String origin) {
        return text.startsWith("{\"o\":\"" + origin + "\",");
    }

    /** The message read back; parts that are not what {@link #encode} writes are left out. */
    static Optional<WakeMessage> decode(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        List<ReplayLog.Appended> carried = new ArrayList<>();
        for (JsonNode event : root.path("e")) {
            String type = event.path("t").asText(null);
            String data = event.path("d").asText(null);
            if (type == null || data == null) {
                continue;
            }
            for (JsonNode recipient : event.path("r")) {
                Optional<UUID> user = Ids.parse(recipient.path(0).asText(null));
                Optional<EventId> previous = EventId.parse(recipient.path(1).asText(null));
                Optional<EventId> id = EventId.parse(recipient.path(2).asText(null));
                if (user.isPresent() && previous.isPresent() && id.isPresent()) {
                    carried.add(new ReplayLog.Appended(user.get(), previous.get(),
                            new LoggedEvent(id.get(), type, data)));
                }
            }
        }
        Set<UUID> wake = new LinkedHashSet<>();
        for (JsonNode user : root.path("w")) {
            Ids.parse(user.asText(null)).ifPresent(wake::add);
        }
        return Optional.of(new WakeMessage(carried, wake));
    }
}
