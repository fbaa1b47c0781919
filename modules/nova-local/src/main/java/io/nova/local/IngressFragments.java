package io.nova.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Ingress fragments JKube deploys ({@code src/main/jkube/common/nova-*-ingress.yml}) so the local gateway
 * routes exactly as the cluster does, with no second copy of the route table.
 *
 * <p>The files are Maven-filtered templates: values such as {@code ${nova.ingress.host}} are only known when the
 * manifests are rendered. The host does not matter locally; any other annotation that is still a placeholder
 * falls back to the local default given here.
 */
public final class IngressFragments {

    /** The fragments, relative to the repository root. */
    public static final List<String> FILES = List.of(
            "src/main/jkube/common/nova-api-ingress.yml",
            "src/main/jkube/common/nova-websocket-ingress.yml");

    private static final String NGINX = "nginx.ingress.kubernetes.io/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<JsonNode> ingresses;

    private IngressFragments(List<JsonNode> ingresses) {
        this.ingresses = ingresses;
    }

    public static IngressFragments read(Path repositoryRoot) {
        List<JsonNode> docs = new ArrayList<>();
        for (String file : FILES) {
            Path path = repositoryRoot.resolve(file);
            try {
                JsonNode doc = YAML.readTree(Files.readString(path));
                if (doc == null || !"Ingress".equals(doc.path("kind").asText())) {
                    throw new IllegalStateException(path + " is not an Ingress");
                }
                docs.add(doc);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the route table from " + path, e);
            }
        }
        return new IngressFragments(docs);
    }

    /** Every path of every rule of every fragment. */
    public RouteTable routes() {
        List<Route> routes = new ArrayList<>();
        for (JsonNode ingress : ingresses) {
            String name = ingress.path("metadata").path("name").asText("?");
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode p : rule.path("http").path("paths")) {
                    String type = p.path("pathType").asText("Prefix");
                    boolean exact = switch (type) {
                        case "Exact" -> true;
                        // ingress-nginx treats ImplementationSpecific like Prefix for plain paths.
                        case "Prefix", "ImplementationSpecific" -> false;
                        default -> throw new IllegalStateException(
                                "Ingress " + name + ": unknown pathType " + type);
                    };
                    routes.add(new Route(p.path("path").asText(), exact,
                            p.path("backend").path("service").path("name").asText()));
                }
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException("the Ingress fragments " + FILES + " define no paths");
        }
        return new RouteTable(routes);
    }

    /**
     * CORS and body limit from the API Ingress (the first fragment); {@code localOrigins} replaces the origin list
     * when the fragment only has a placeholder for it.
     */
    public IngressPolicy policy(List<String> localOrigins) {
        JsonNode annotations = ingresses.get(0).path("metadata").path("annotations");
        String origins = annotation(annotations, "cors-allow-origin", null);
        List<String> allowed = origins == null ? localOrigins
                : Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new IngressPolicy(allowed,
                annotation(annotations, "cors-allow-methods", "GET, PUT, POST, DELETE, PATCH, OPTIONS"),
                annotation(annotations, "cors-allow-headers", "Authorization, Content-Type"),
                annotation(annotations, "cors-expose-headers", ""),
                Boolean.parseBoolean(annotation(annotations, "cors-allow-credentials", "true")),
                size(annotation(annotations, "proxy-body-size", "1m")));
    }

    private static String annotation(JsonNode annotations, String key, String fallback) {
        JsonNode value = annotations.get(NGINX + key);
        if (value == null || value.isNull() || value.asText().contains("${")) {
            return fallback;
        }
        return value.asText();
    }

    /** An nginx size: bytes, or k/m/g (powers of 1024), as {@code proxy-body-size} is written. */
    static long size(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = switch (v.charAt(v.length() - 1)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        return Long.parseLong(digits) * unit;
    }
}
