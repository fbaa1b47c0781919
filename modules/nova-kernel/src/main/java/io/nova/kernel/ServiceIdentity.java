package io.nova.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Who a service is: its name, default ports and the database it owns. The service's pom is the one place these are written; the build
 * filters them into {@code nova-service.properties} on the service's classpath, and the Kubernetes fragments read
 * the same pom properties.
 */
public record ServiceIdentity(String name, int httpPort, int grpcPort, int adminPort, String databaseName) {

    public static final String RESOURCE = "nova-service.properties";

    /**
     * The identity of {@code application}. Several services can share a classpath (a test runs content-service
     * beside the real user-service), so the file naming this application class ({@code service.application}), or
     * the nearest class it extends (a test's variant of a service is still that service), wins; a classpath with a
     * single identity file (a service's own jar) needs no such match.
     */
    public static ServiceIdentity of(Class<?> application) {
        List<Properties> found = new ArrayList<>();
        try {
            Enumeration<URL> resources = application.getClassLoader().getResources(RESOURCE);
            while (resources.hasMoreElements()) {
                try (InputStream in = resources.nextElement().openStream()) {
                    Properties properties = new Properties();
                    properties.load(in);
                    found.add(properties);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties chosen = named(found, application)
                .orElseGet(() -> {
                    if (found.size() != 1) {
                        throw new IllegalStateException(found.isEmpty()
                                ? RESOURCE + " is missing: build the service with its Maven module"
                                : found.size() + " " + RESOURCE + " files on the classpath, none for "
                                        + application.getName());
                    }
                    return found.get(0);
                });
        return new ServiceIdentity(
                required(chosen, "service.name"),
                Integer.parseInt(required(chosen, "service.http.port")),
                Integer.parseInt(required(chosen, "service.grpc.port")),
                Integer.parseInt(required(chosen, "service.admin.port")),
                required(chosen, "service.database"));
    }

    private static Optional<Properties> named(List<Properties> found, Class<?> application) {
        for (Class<?> type = application; type != null; type = type.getSuperclass()) {
            String name = type.getName();
            Optional<Properties> match = found.stream()
                    .filter(properties -> name.equals(properties.getProperty("service.application")))
                    .findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** Values the configuration falls back to when the environment does not set them. */
    public Map<String, String> defaultEnvironment() {
        return Map.of(
                "SERVICE_NAME", name,
                "HTTP_PORT", Integer.toString(httpPort),
                "GRPC_PORT", Integer.toString(grpcPort),
                "ADMIN_PORT", Integer.toString(adminPort),
                "DATABASE_NAME", databaseName);
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " has no value for " + key);
        }
        return value.trim();
    }
}
