package io.nova.local;

import io.nova.local.ApiOperations.Operation;
import io.nova.local.ApiOperations.Parameter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an operation of a document into one hostile request: its path parameters filled with A's real ids, ids
 * of nobody, non-ids, huge numbers, unicode, traversal and injection; its query parameters with wrong types and
 * values past their limits; its body from {@link HostileBodies}; sent as an attacker, or with no or a forged token.
 * Request {@code i} depends only on the seed and {@code i}, so a failure names a request that can be made again.
 */
final class HostileRequests {

    /** One request, and what it touches that is A's. */
    record FuzzRequest(int index, Operation operation, String caller, boolean signedIn, String method, String path,
                       Map<String, String> headers, byte[] body, boolean namesPrivate, boolean changesOwned) {

        String describe() {
            String excerpt = body == null ? "" : printable(new String(body, 0, Math.min(body.length, 300),
                    StandardCharsets.UTF_8));
            Map<String, String> shown = new LinkedHashMap<>(headers);
            shown.computeIfPresent("Authorization", (name, value) -> value.length() > 40
                    ? value.substring(0, 40) + "…(" + value.length() + " chars)" : value);
            return String.format("#%d %s as %s: %s %s %s body(%d bytes)=%s", index, operation.route(), caller, method,
                    path.length() > 300 ? path.substring(0, 300) + "…" : path, shown, body == null ? 0 : body.length,
                    excerpt);
        }

        private static String printable(String text) {
            return text.replaceAll("[\\p{Cntrl}\\x{FFFD}]", "·");
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final FuzzTargets targets;
    private final long seed;

    HostileRequests(FuzzTargets targets, long seed) {
        this.targets = targets;
        this.seed = seed;
    }

    FuzzRequest request(int index, Operation operation) {
        Random random = new Random(seed * 1_000_003L + index);
        boolean[] namesPrivate = {false};
        boolean[] changesOwned = {false};
        Map<String, String> headers = new LinkedHashMap<>();
        String[] caller = credentials(operation, random, headers);

        StringBuilder path = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(operation.path());
        while (parameter.find()) {
            String kind = kind(operation.path(), parameter.group(1), parameter.start());
            String value = pathValue(kind, random);
            namesPrivate[0] |= targets.isPrivate(value, kind);
            changesOwned[0] |= owned(operation, parameter.group(1), value);
            parameter.appendReplacement(path, Matcher.quoteReplacement(HostileValues.encode(value, random)));
        }
        parameter.appendTail(path);
        if (random.nextInt(40) == 0) {
            path.append(HostileValues.pick(random, List.of("/", "//", "/..", "/%2e%2e", ";x=1", "/extra")));
        }
        path.append(query(operation, random));

        for (Parameter header : operation.parameters()) {
            if (header.in().equals("header") && random.nextInt(3) == 0) {
                headers.put(header.name(), HostileValues.pick(random, List.of("k-" + random.nextInt(),
                        "x".repeat(255), "x".repeat(256), "has space", "tab\there", "\u00fcmlaut", "", "a,b")));
            }
        }
        if (random.nextInt(25) == 0) {
            headers.put("Accept", HostileValues.pick(random, List.of("application/xml", "text/html", "image/png")));
        }
        if (random.nextInt(25) == 0) {
            headers.put("X-Forwarded-For", HostileValues.pick(random, List.of("' OR 1=1 --", "999.999.999.999",
                    "::ffff:127.0.0.1", "10.0.0.1, 127.0.0.1", "unknown")));
        }

        byte[] body = null;
        HostileBodies.Ids ids = (field, r) -> {
            String kind = bodyKind(field, r);
            String id = bodyId(kind, r);
            namesPrivate[0] |= targets.isPrivate(id, kind);
            return id;
        };
        HostileBodies.Body generated = operation.body() != null && random.nextInt(20) > 0
                ? HostileBodies.forSchema(operation.body(), operation.contentTypes(), random, ids)
                : random.nextInt(7) == 0 ? HostileBodies.stray(random) : null;
        if (generated != null) {
            body = generated.bytes();
            if (generated.contentType() != null && !generated.contentType().isEmpty()) {
                headers.put("Content-Type", generated.contentType());
            }
        }
        return new FuzzRequest(index, operation, caller[0], caller[1] != null, operation.method(), path.toString(),
                headers, body, namesPrivate[0], changesOwned[0]);
    }

    /** Who sends it: {@code {label, token-if-a-real-access-token}}; sets the Authorization header. */
    private String[] credentials(Operation operation, Random random, Map<String, String> headers) {
        FuzzTargets.Account attacker = targets.attackers.get(random.nextInt(targets.attackers.size()));
        int roll = random.nextInt(100);
        if (operation.route().equals("POST /api/v1/auth/logout")) {
            // Signing out would end an attacker's session (and every later request would be a 401): only the
            // sacrificial user ever signs out.
            attacker = targets.sacrificial;
        }
        if (roll < 82) {
            headers.put("Authorization", "Bearer " + attacker.accessToken());
            return new String[] {attacker.label(), attacker.accessToken()};
        }
        String owner = targets.owner.accessToken();
        String[] parts = owner.split("\\.");
        String forged = switch (roll % 8) {
            case 0 -> null;
            case 1 -> "Bearer " + HostileValues.string(random).replaceAll("[^\\x21-\\x7e]", "");
            case 2 -> "Bearer " + attacker.refreshToken();
            case 3 -> "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
            case 4 -> "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
            case 5 -> "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
            case 6 -> "Bearer " + parts[0] + "." + parts[1];
            default -> "Bearer";
        };
        if (forged != null) {
            headers.put("Authorization", forged);
        }
        return new String[] {forged == null ? "anonymous" : "forged", null};
    }

    /** What a path parameter names: by its name ({@code postId}), else by the collection before it. */
    static String kind(String template, String name, int at) {
        if (!name.equals("id") && name.endsWith("Id")) {
            return name.substring(0, name.length() - 2);
        }
        if (name.equals("emoji")) {
            return "emoji";
        }
        String[] segments = template.substring(0, at).split("/");
        String collection = segments[segments.length - 1];
        return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
    }

    private String pathValue(String kind, Random random) {
        List<String> real = targets.idsByKind.getOrDefault(kind, List.of());
        int roll = random.nextInt(100);
        if (roll < 35 && !real.isEmpty()) {
            return HostileValues.pick(random, real);
        }
        if (roll < 42) {
            return HostileValues.pick(random, targets.allIds());
        }
        if (roll < 52) {
            return HostileValues.unknownId(random);
        }
        return random.nextBoolean() ? HostileValues.strangeId(random) : HostileValues.string(random);
    }

    /** What an id field of a body names. */
    private static String bodyKind(String field, Random random) {
        return switch (field) {
            case "conversation_id" -> "conversation";
            case "upload_id", "media_ids", "avatar_media_id" -> "upload";
            case "member_ids" -> "user";
            case "reply_to_comment" -> "comment";
            case "reply_to" -> random.nextBoolean() ? "post" : "message";
            default -> "";
        };
    }

    private String bodyId(String kind, Random random) {
        int roll = random.nextInt(100);
        List<String> real = targets.idsByKind.getOrDefault(kind, List.of());
        if (roll < 40 && !real.isEmpty()) {
            return HostileValues.pick(random, real);
        }
        if (roll < 50) {
            return HostileValues.pick(random, targets.allIds());
        }
        return roll < 70 ? HostileValues.unknownId(random) : HostileValues.strangeId(random);
    }

    private boolean owned(Operation operation, String name, String value) {
        boolean changes = operation.method().equals("PATCH") || operation.method().equals("DELETE");
        if (!changes) {
            return false;
        }
        if (operation.path().equals("/api/v1/posts/{id}")) {
            return value.equals(targets.publicPost) || value.equals(targets.followersPost);
        }
        return operation.path().endsWith("/comments/{commentId}") && name.equals("commentId")
                && value.equals(targets.comment);
    }

    private String query(Operation operation, Random random) {
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("query") || random.nextInt(10) < (parameter.required() ? 1 : 5)) {
                continue;
            }
            // A's ids in a query only ask about them (relationships?ids= answers unknown ids with all flags false).
            String value = queryValue(parameter, random);
            int copies = random.nextInt(20) == 0 ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                query.append(query.length() == 0 ? '?' : '&').append(parameter.name()).append('=')
                        .append(HostileValues.encode(value, random));
            }
        }
        if (random.nextInt(10) == 0) {
            query.append(query.length() == 0 ? '?' : '&').append(HostileValues.pick(random,
                    List.of("owner_id", "user_id", "admin", "debug", "limit", "__proto__[x]")))
                    .append('=').append(HostileValues.encode(HostileValues.string(random), random));
        }
        return query.toString();
    }

    private String queryValue(Parameter parameter, Random random) {
        String type = parameter.schema().path("type").asText();
        if (type.equals("integer")) {
            return random.nextInt(4) == 0 ? "20" : HostileValues.pick(random, HostileValues.INTEGER_TEXTS);
        }
        if (parameter.schema().path("format").asText().equals("uuid") || parameter.name().equals("ids")) {
            int roll = random.nextInt(10);
            if (parameter.name().equals("ids") && roll < 3) {
                StringBuilder many = new StringBuilder();
                for (int i = 0, n = random.nextBoolean() ? 101 : 3; i < n; i++) {
                    many.append(i == 0 ? "" : ",").append(HostileValues.pick(random, targets.allIds()));
                }
                return many + (random.nextBoolean() ? ",," : "");
            }
            return roll < 6 ? HostileValues.pick(random, targets.idsByKind.get("user")) : HostileValues.strangeId(random);
        }
        if (parameter.name().equals("username") || parameter.name().equals("q")) {
            String name = targets.owner.username();
            return random.nextBoolean() ? name.substring(0, 1 + random.nextInt(name.length())) : HostileValues.string(random);
        }
        return HostileValues.string(random);
    }
}
