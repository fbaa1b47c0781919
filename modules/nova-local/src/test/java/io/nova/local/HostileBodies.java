package io.nova.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Request bodies from a schema of an OpenAPI document: first a plausible one (ids taken from the attacked world),
 * then broken the ways clients and attackers break them — a property of the wrong JSON type, a missing required
 * one, an unknown one, hostile or huge text, numbers past every limit, deep nesting, bytes that are not UTF-8,
 * garbage, a duplicate key, the wrong Content-Type.
 */
final class HostileBodies {

    /** Chooses an id for a uuid field (named {@code field}) and remembers whether it was one of A's private ids. */
    interface Ids {
        String forField(String field, Random random);
    }

    /** What to send: the bytes (null for none) and their Content-Type (null for none). */
    record Body(byte[] bytes, String contentType) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Raw JSON literals (numbers Jackson would not write) go in as placeholders, swapped after writing. */
    private static final String RAW = "\u0001raw";
    private static final List<String> WRONG_TYPES = List.of(
            "application/xml", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=utf-16", "application/json; charset=nonsense", "application/octet-stream",
            "application/merge-patch+json", "*/*", "application/jsonx", "text/json", "");

    private HostileBodies() {
    }

    static Body forSchema(JsonNode schema, List<String> contentTypes, Random random, Ids ids) {
        String type = contentTypes.isEmpty() ? "application/json"
                : contentTypes.get(random.nextInt(4) == 0 ? random.nextInt(contentTypes.size()) : 0);
        List<String> raws = new ArrayList<>();
        JsonNode plausible = plausible(schema, "", random, ids, 0);
        int roll = random.nextInt(100);
        if (roll < 6) {
            return new Body(utf8(plausible), type);
        }
        if (roll < 60) {
            JsonNode broken = plausible.deepCopy();
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                broken = mutate(broken, schema, random, raws);
            }
            return new Body(withRaws(broken, raws), type);
        }
        if (roll < 68) {
            return new Body(utf8(plausible), HostileValues.pick(random, WRONG_TYPES));
        }
        if (roll < 73) {
            return new Body(deeplyNested(random, plausible), type);
        }
        if (roll < 78) {
            return new Body(withInvalidUtf8(plausible, random), type);
        }
        if (roll < 82) {
            return new Body(duplicateKey(plausible), type);
        }
        if (roll < 85) {
            // Past the services' 1 MiB body limit.
            return new Body(HostileValues.utf8("{\"text\":\"" + "a".repeat(1_100_000 + random.nextInt(100_000)) + "\"}"), type);
        }
        if (roll < 89) {
            return new Body(HostileValues.utf8(HostileValues.pick(random, List.of("[]", "\"x\"", "1", "null", "true",
                    "1e309", "[{}]", "[null]", "{\"a\":[]}", "-0"))), type);
        }
        return new Body(unreadable(random, plausible), type);
    }

    /** A body where the operation takes none: whatever it is must be ignored or refused. */
    static Body stray(Random random) {
        return new Body(random.nextBoolean() ? HostileValues.utf8("{\"id\":\"x\",\"owner_id\":\"" + HostileValues
                .unknownId(random) + "\"}") : HostileValues.garbage(random), random.nextBoolean() ? "application/json"
                : HostileValues.pick(random, WRONG_TYPES));
    }

    private static JsonNode plausible(JsonNode schema, String field, Random random, Ids ids, int depth) {
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        switch (schema.path("type").asText("object")) {
            case "object": {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(property -> {
                        if (random.nextInt(4) > 0 || schema.path("required").toString().contains("\"" + property.getKey() + "\"")) {
                            object.set(property.getKey(), plausible(property.getValue(), property.getKey(), random, ids,
                                    depth + 1));
                        }
                    });
                }
                return object;
            }
            case "array": {
                ArrayNode array = JSON.createArrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(plausible(schema.path("items"), field, random, ids, depth + 1));
                }
                return array;
            }
            case "integer":
                return JSON.getNodeFactory().numberNode(random.nextInt(3) == 0 ? random.nextInt(1000) : 1);
            case "number":
                return JSON.getNodeFactory().numberNode(1.5);
            case "boolean":
                return JSON.getNodeFactory().booleanNode(random.nextBoolean());
            default:
                return JSON.getNodeFactory().textNode(plausibleText(schema, field, random, ids));
        }
    }

    private static String plausibleText(JsonNode schema, String field, Random random, Ids ids) {
        String format = schema.path("format").asText("");
        if (format.equals("uuid")) {
            return ids.forField(field, random);
        }
        if (format.equals("date-time")) {
            return "2026-01-01T00:00:00Z";
        }
        if (field.equals("sdp")) {
            return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n";
        }
        if (field.equals("email")) {
            return "fz" + Integer.toString(random.nextInt(1 << 30), 36) + "@example.com";
        }
        if (field.equals("username")) {
            return "fz" + Integer.toString(random.nextInt(1 << 30), 36);
        }
        return random.nextBoolean() ? "fuzz text #tag" : HostileValues.string(random);
    }

    private static JsonNode mutate(JsonNode body, JsonNode schema, Random random, List<String> raws) {
        if (!body.isObject()) {
            return body;
        }
        ObjectNode object = (ObjectNode) body;
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        if (names.isEmpty() || random.nextInt(10) == 0) {
            object.put(HostileValues.pick(random, List.of("id", "owner_id", "user_id", "role", "is_admin", "__proto__",
                    "constructor", "creator_id", "author", "unknown")), HostileValues.string(random));
            return object;
        }
        String name = HostileValues.pick(random, names);
        switch (random.nextInt(8)) {
            case 0 -> object.remove(name);
            case 1 -> object.put(name, HostileValues.string(random));
            case 2 -> object.put(name, "x".repeat(random.nextBoolean() ? 5_000 : 300_000));
            case 3 -> {
                raws.add(HostileValues.pick(random, HostileValues.NUMBERS));
                object.put(name, RAW + (raws.size() - 1));
            }
            case 4 -> object.set(name, wrongType(random));
            case 5 -> object.putNull(name);
            case 6 -> {
                ArrayNode many = object.putArray(name);
                int count = random.nextBoolean() ? 11 + random.nextInt(300) : 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    many.add(random.nextBoolean() ? JSON.getNodeFactory().textNode(HostileValues.strangeId(random))
                            : wrongType(random));
                }
            }
            default -> object.set(name, JSON.valueToTree(Map.of("nested", HostileValues.string(random))));
        }
        return object;
    }

    private static JsonNode wrongType(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> JSON.getNodeFactory().numberNode(random.nextLong());
            case 1 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 2 -> JSON.createArrayNode().add(HostileValues.string(random));
            case 3 -> JSON.createObjectNode().put("$ne", 1);
            case 4 -> JSON.getNodeFactory().numberNode(-1.5e300);
            default -> JSON.createArrayNode();
        };
    }

    private static byte[] withRaws(JsonNode body, List<String> raws) {
        String text = new String(utf8(body), StandardCharsets.UTF_8);
        for (int i = 0; i < raws.size(); i++) {
            text = text.replace("\"\\u0001raw" + i + "\"", raws.get(i));
        }
        return HostileValues.utf8(text);
    }

    private static byte[] deeplyNested(Random random, JsonNode plausible) {
        int depth = HostileValues.pick(random, List.of(64, 1_001, 5_000, 100_000));
        boolean arrays = random.nextBoolean();
        StringBuilder nested = new StringBuilder();
        nested.append((arrays ? "[" : "{\"a\":").repeat(depth)).append("1").append((arrays ? "]" : "}").repeat(depth));
        if (random.nextBoolean() || !plausible.isObject() || plausible.isEmpty()) {
            return HostileValues.utf8(nested.toString());
        }
        String first = plausible.fieldNames().next();
        String text = new String(utf8(plausible), StandardCharsets.UTF_8);
        return HostileValues.utf8(text.replaceFirst("^\\{\"" + first + "\":", "{\"" + first + "\":"
                + java.util.regex.Matcher.quoteReplacement(nested.toString()) + ",\"_\":"));
    }

    private static byte[] withInvalidUtf8(JsonNode plausible, Random random) {
        byte[] json = utf8(plausible);
        int quote = new String(json, StandardCharsets.ISO_8859_1).indexOf("\":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = quote < 0 ? 1 : quote + 3;
        out.write(json, 0, Math.min(at, json.length));
        out.writeBytes(HostileValues.invalidUtf8(random));
        out.write(json, Math.min(at, json.length), json.length - Math.min(at, json.length));
        return out.toByteArray();
    }

    private static byte[] duplicateKey(JsonNode plausible) {
        String text = new String(utf8(plausible), StandardCharsets.UTF_8);
        if (!plausible.isObject() || plausible.isEmpty()) {
            return HostileValues.utf8("{\"a\":1,\"a\":2}");
        }
        String first = plausible.fieldNames().next();
        return HostileValues.utf8(text.replaceFirst("^\\{", "{\"" + first + "\":null,"));
    }

    private static byte[] unreadable(Random random, JsonNode plausible) {
        String text = new String(utf8(plausible), StandardCharsets.UTF_8);
        return switch (random.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> HostileValues.garbage(random);
            case 2 -> HostileValues.utf8(text.substring(0, random.nextInt(Math.max(1, text.length()))));
            case 3 -> HostileValues.utf8(text.replace("\"", "'"));
            case 4 -> HostileValues.utf8(text + "," + text);
            default -> HostileValues.utf8("\ufeff" + text);
        };
    }

    private static byte[] utf8(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
