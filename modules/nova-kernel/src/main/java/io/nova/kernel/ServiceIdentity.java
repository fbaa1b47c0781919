package io.nova.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Who a service is: its name, default ports and the database it owns. The service's pom is the one place these are written; the build
 * filters them into {@code nova-service.properties} on the service's classpath, and the Kubernetes fragments read
 * the same pom properties.
 */
public record ServiceIdentity(String name, int httpPort, int grpcPort, int adminPort, String databaseName) {

    public static final String RESOURCE = "/nova-service.properties";

    public static ServiceIdentity fromClasspath() {
        try (InputStream in = ServiceIdentity.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build the service with its Maven module");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new ServiceIdentity(
                    required(properties, "service.name"),
                    Integer.parseInt(required(properties, "service.http.port")),
                    Integer.parseInt(required(properties, "service.grpc.port")),
                    Integer.parseInt(required(properties, "service.admin.port")),
                    required(properties, "service.database"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
