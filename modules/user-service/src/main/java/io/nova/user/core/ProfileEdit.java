package io.nova.user.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.user.db.ProfileChange;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads a {@code PATCH /users/me} body (JSON merge patch, RFC 7396): a field left out stays as it is, {@code null}
 * clears it. Parsed by hand because a record cannot tell "absent" from "null".
 */
public final class ProfileEdit {

    public static final int DISPLAY_NAME_MAX = 50;
    public static final int BIO_MAX = 160;

    private ProfileEdit() {
    }

    public static ProfileChange parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalid("invalid_body", "The body must be a JSON object");
        }
        Map<String, Object> problems = new TreeMap<>();
        String displayName = null;
        String bio = null;
        Optional<UUID> avatar = null;
        Boolean privateAccount = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "display_name" -> displayName = text(value, DISPLAY_NAME_MAX, "display_name", problems);
                case "bio" -> bio = text(value, BIO_MAX, "bio", problems);
                case "avatar_media_id" -> avatar = mediaId(value, problems);
                case "private_account" -> {
                    if (value.isBoolean()) {
                        privateAccount = value.booleanValue();
                    } else {
                        problems.put("private_account", "must be true or false");
                    }
                }
                default -> problems.put(field.getKey(), "is not a field of a profile (display_name, bio, "
                        + "avatar_media_id, private_account)");
            }
        }
        if (!problems.isEmpty()) {
            String message = problems.size() == 1
                    ? problems.keySet().iterator().next() + " " + problems.values().iterator().next()
                    : "The request has " + problems.size() + " invalid fields";
            throw DomainException.invalid("validation_failed", message, Map.of("fields", problems));
        }
        ProfileChange change = new ProfileChange(displayName, bio, avatar, privateAccount);
        if (change.isEmpty()) {
            throw DomainException.invalid("validation_failed", "The body changes nothing; send at least one of "
                    + "display_name, bio, avatar_media_id, private_account");
        }
        return change;
    }

    /** Null clears to empty text; surrounding whitespace is dropped; control characters are refused. */
    private static String text(JsonNode value, int max, String name, Map<String, Object> problems) {
        if (value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            problems.put(name, "must be a string");
            return null;
        }
        String text = value.textValue().strip();
        if (text.codePointCount(0, text.length()) > max) {
            problems.put(name, "must be at most " + max + " characters");
            return null;
        }
        boolean multiline = name.equals("bio");
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && !(multiline && c == '\n'))) {
            problems.put(name, "must not contain control characters");
            return null;
        }
        return text;
    }

    private static Optional<UUID> mediaId(JsonNode value, Map<String, Object> problems) {
        if (value.isNull()) {
            return Optional.empty();
        }
        Optional<UUID> id = value.isTextual() ? Ids.parse(value.textValue()) : Optional.empty();
        if (id.isPresent()) {
            return id;
        }
        problems.put("avatar_media_id", "must be a media id returned by POST /api/v1/uploads, or null");
        return null;
    }
}
