package io.nova.testing.hostile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request type of a service: method and path template as its JAX-RS resource declares them, the names of its
 * path and query parameters, and, when it takes a body, the JSON field names the body type knows.
 */
public record ApiRoute(String method, String path, List<String> queryParams, boolean takesBody,
                       List<String> bodyFields) {

    private static final Pattern PARAM = Pattern.compile("\\{\\s*([\\w.-]+)\\s*(?::[^}]*)?}");

    /** The path parameters, in order. */
    public List<String> pathParams() {
        Matcher matcher = PARAM.matcher(path);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The path with each parameter replaced by what {@code value} gives for its position and name. */
    public String expand(java.util.function.BiFunction<Integer, String, String> value) {
        Matcher matcher = PARAM.matcher(path);
        StringBuilder expanded = new StringBuilder();
        int position = 0;
        while (matcher.find()) {
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value.apply(position++, matcher.group(1))));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
