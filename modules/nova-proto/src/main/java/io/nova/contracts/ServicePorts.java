package io.nova.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where a service finds another one's gRPC API when nothing says otherwise: on loopback, at the port the root pom
 * gives it (the only place ports are written). In a cluster the {@code <SERVICE>_GRPC} settings of the nova-config
 * ConfigMap, rendered from the same numbers, name the Service instead.
 */
public final class ServicePorts {

    private static final Properties PORTS = load();

    private ServicePorts() {
    }

    /** {@code 127.0.0.1:<grpc port>} of {@code service} (e.g. {@code "user-service"}). */
    public static String localGrpcTarget(String service) {
        String port = PORTS.getProperty(service + ".grpc");
        if (port == null) {
            throw new IllegalArgumentException("no Nova service is called " + service);
        }
        return "127.0.0.1:" + port;
    }

    /** Uses {@code configured} when set, else the local target of {@code service}. */
    public static String grpcTarget(String configured, String service) {
        return configured == null || configured.isBlank() ? localGrpcTarget(service) : configured;
    }

    private static Properties load() {
        try (InputStream in = ServicePorts.class.getResourceAsStream("service-ports.properties")) {
            Properties ports = new Properties();
            ports.load(in);
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
