package io.nova.kernel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.nova.kernel.ServiceIdentity;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The configuration a service runs with, in layers: the defaults every Nova service shares
 * ({@code nova-defaults.yml} in the kernel), the service's own defaults ({@code <service>.yml}, optional), then the
 * operator's file, if one is given. Later layers win key by key; lists are replaced whole.
 *
 * <p>{@code LOG_FORMAT=json} adds one more shared layer right after the defaults, {@code nova-logging-json.yml}, which
 * switches every appender to one JSON object per line; {@code text} (the default) keeps Logback's pattern layout.
 *
 * <p>Each layer may use {@code ${VAR}} and {@code ${VAR:-default}}. A variable is looked up in the process
 * environment first, then in the service's defaults (its ports). A variable with neither a value nor a default is
 * an error that names it.
 */
public final class LayeredConfigurationSourceProvider implements ConfigurationSourceProvider {

    static final String SHARED_DEFAULTS = "/nova-defaults.yml";
    static final String LOG_FORMAT = "LOG_FORMAT";

    private final ServiceIdentity service;
    private final String logFormat;
    private final StringLookup variables;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public LayeredConfigurationSourceProvider(ServiceIdentity service, Map<String, String> environment) {
        this.service = service;
        this.logFormat = environment.getOrDefault(LOG_FORMAT, "text").trim().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> fallback = service.defaultEnvironment();
        this.variables = key -> environment.containsKey(key) ? environment.get(key) : fallback.get(key);
    }

    @Override
    public InputStream open(String path) throws IOException {
        JsonNode merged = parse(SHARED_DEFAULTS, readClasspath(SHARED_DEFAULTS));
        switch (logFormat) {
            case "text", "" -> { }
            case "json" -> merged = merge(merged, parse("/nova-logging-json.yml", readClasspath("/nova-logging-json.yml")));
            default -> throw new IOException(LOG_FORMAT + " must be text or json, not '" + logFormat + "'");
        }
        String serviceLayer = "/" + service.name() + ".yml";
        String serviceDefaults = readClasspathIfPresent(serviceLayer);
        if (serviceDefaults != null) {
            merged = merge(merged, parse(serviceLayer, serviceDefaults));
        }
        if (path != null && !path.isBlank()) {
            merged = merge(merged, parse(path, readFile(path)));
        }
        return new ByteArrayInputStream(yaml.writeValueAsBytes(merged));
    }

    /**
     * Parses first, then substitutes inside string values: a value from the environment (a multi-line PEM, a
     * password with a colon or a quote) is data, never YAML syntax.
     */
    private JsonNode parse(String source, String text) throws IOException {
        JsonNode node = yaml.readTree(text);
        if (node == null) {
            return NullNode.getInstance();
        }
        StringSubstitutor substitutor = new StringSubstitutor(variables);
        substitutor.setEnableUndefinedVariableException(true);
        // A value's own "${" (a password, say) stays as it is.
        substitutor.setDisableSubstitutionInValues(true);
        try {
            return substitute(node, substitutor);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage()
                    + " (set it in the environment or give it a default with ${NAME:-value})", e);
        }
    }

    private static JsonNode substitute(JsonNode node, StringSubstitutor substitutor) {
        if (node.isTextual()) {
            return TextNode.valueOf(substitutor.replace(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(substitute(field.getValue(), substitutor)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), substitutor));
            }
        }
        return node;
    }

    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (!(base instanceof ObjectNode baseObject) || !(overlay instanceof ObjectNode overlayObject)) {
            return overlay.isNull() || overlay.isMissingNode() ? base : overlay;
        }
        ObjectNode result = baseObject.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = overlayObject.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = result.get(field.getKey());
            result.set(field.getKey(), existing == null ? field.getValue() : merge(existing, field.getValue()));
        }
        return result;
    }

    private static String readClasspath(String resource) throws IOException {
        String text = readClasspathIfPresent(resource);
        if (text == null) {
            throw new IOException(resource + " is not on the classpath");
        }
        return text;
    }

    private static String readClasspathIfPresent(String resource) throws IOException {
        try (InputStream in = LayeredConfigurationSourceProvider.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String readFile(String path) throws IOException {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("configuration file not found: " + path, e);
        }
    }
}
