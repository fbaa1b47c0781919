package io.nova.testing.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One hostile request, independent of any route: {@link #render} turns it into the request for a given route.
 * Path parameters take a real value of the service (an existing post …) or {@code pathValues} by position;
 * the route's query parameters take {@code queryValues} by position (null: left out); the body is
 * {@code rawBody} when set, else an object of the route's known fields with {@code fieldValues} by position
 * (plus an unknown field, and the first field given twice, when asked).
 *
 * @param rawPath         send those {@code pathValues} that are valid as a raw segment (percent-escapes such as
 *                        {@code %00}) as they are instead of encoded
 * @param token           {@code VALID} (a live token of the service's test user), {@code NONE}, or the text sent
 */
public record HostileInput(List<String> pathValues, boolean rawPath, List<String> queryValues,
                           boolean repeatQuery, String rawBody, List<String> fieldValues, boolean unknownField,
                           boolean duplicateField, String contentType, String idempotencyKey, String token) {

    public static final String VALID = "VALID";
    public static final String NONE = "NONE";
    public static final String REAL = "\u0000REAL";
    /** What a path segment may hold as it is: unreserved and sub-delimiter characters, and whole %XX escapes. */
    private static final java.util.regex.Pattern RAW_SAFE =
            java.util.regex.Pattern.compile("(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})*");

    /** The request line's target (path and query) for {@code route}, given the service's real values by name. */
    public String target(ApiRoute route, Map<String, String> realValues) {
        String path = route.expand((position, name) -> {
            String value = pathValues.get(position % pathValues.size());
            if (value.equals(REAL) && realValues.containsKey(name)) {
                return realValues.get(name);
            }
            return rawPath && RAW_SAFE.matcher(value).matches() ? value : encode(value.equals(REAL) ? "" : value);
        });
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < route.queryParams().size(); i++) {
            String value = queryValues.get(i % queryValues.size());
            if (value != null) {
                String name = route.queryParams().get(i);
                String real = value.equals(REAL) ? realValues.get(name) : null;
                pairs.add(name + "=" + encode(real != null ? real : value.equals(REAL) ? "" : value));
                if (repeatQuery) {
                    pairs.add(name + "=" + encode(value));
                }
            }
        }
        return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
    }

    /** The body for {@code route}: none when it takes none and no raw body was drawn. */
    public String body(ApiRoute route) {
        if (rawBody != null) {
            return rawBody;
        }
        if (!route.takesBody()) {
            return null;
        }
        List<String> members = new ArrayList<>();
        List<String> fields = route.bodyFields();
        for (int i = 0; i < fields.size(); i++) {
            members.add(HostileValues.quote(fields.get(i)) + ":" + fieldValues.get(i % fieldValues.size()));
        }
        if (duplicateField && !fields.isEmpty()) {
            members.add(HostileValues.quote(fields.get(0)) + ":" + fieldValues.get(fieldValues.size() - 1));
        }
        if (unknownField) {
            members.add("\"not_a_field\":" + fieldValues.get(0));
        }
        return "{" + String.join(",", members) + "}";
    }

    /** Percent-encodes every byte but the unreserved ones; a lone surrogate becomes '?' as in any UTF-8 encoder. */
    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
