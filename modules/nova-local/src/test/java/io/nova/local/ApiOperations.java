package io.nova.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the services' OpenAPI documents, read from the source tree (the same files the services'
 * OpenApiDocumentTests hold to their routes), with every {@code $ref} replaced by what it names, so the fuzzer
 * needs no knowledge of the API beyond them.
 */
final class ApiOperations {

    public static final List<String> SERVICES =
            List.of("user-service", "content-service", "media-service", "messaging-service");

    private static final Set<String> VERBS = Set.of("get", "put", "post", "patch", "delete");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One parameter: where it goes ({@code path}, {@code query}, {@code header}) and its schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One documented operation. {@code body} is the JSON request body's schema (null when it takes none);
     * {@code secured} is false for the few an anonymous caller may use (register, login, refresh, the JWKS).
     */
    public record Operation(String service, String method, String path, List<Parameter> parameters, JsonNode body,
                            boolean bodyRequired, List<String> contentTypes, boolean secured) {

        public String route() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return route();
        }
    }

    private ApiOperations() {
    }

    /** Every operation of the four documents under {@code repositoryRoot}, in document order. */
    public static List<Operation> read(Path repositoryRoot) {
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            Path file = repositoryRoot.resolve("modules/" + service + "/src/main/resources/openapi/" + service + ".yaml");
            try {
                operations.addAll(operations(service, YAML.readTree(file.toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
        }
        return List.copyOf(operations);
    }

    private static List<Operation> operations(String service, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        boolean securedByDefault = !document.path("security").isEmpty();
        document.path("paths").properties().forEach(path -> {
            List<Parameter> shared = parameters(document, path.getValue().path("parameters"));
            path.getValue().properties().forEach(entry -> {
                if (!VERBS.contains(entry.getKey())) {
                    return;
                }
                JsonNode operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(document, operation.path("parameters")));
                JsonNode content = operation.path("requestBody").path("content");
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                JsonNode body = types.isEmpty() ? null
                        : resolve(document, content.path(types.get(0)).path("schema"), 0);
                boolean secured = operation.has("security") ? !operation.path("security").isEmpty() : securedByDefault;
                operations.add(new Operation(service, entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), body, operation.path("requestBody").path("required").asBoolean(false),
                        List.copyOf(types), secured));
            });
        });
        return operations;
    }

    private static List<Parameter> parameters(JsonNode document, JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode node : list) {
            JsonNode parameter = resolve(document, node, 0);
            parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(false), parameter.path("schema")));
        }
        return parameters;
    }

    /** A copy of {@code node} with every {@code $ref} (and single-entry {@code allOf}) replaced by its target. */
    static JsonNode resolve(JsonNode document, JsonNode node, int depth) {
        if (depth > 20) {
            throw new IllegalStateException("$ref cycle in an OpenAPI document near " + node);
        }
        if (node.isObject() && node.has("$ref")) {
            String[] parts = node.path("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            return resolve(document, target, depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = YAML.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), resolve(document, field.getValue(), depth + 1));
            }
            if (copy.path("allOf").size() == 1) {
                JsonNode only = copy.path("allOf").get(0);
                copy.remove("allOf");
                ObjectNode merged = ((ObjectNode) only).deepCopy();
                merged.setAll(copy);
                return merged;
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(resolve(document, item, depth + 1)));
            return copy;
        }
        return node;
    }
}
