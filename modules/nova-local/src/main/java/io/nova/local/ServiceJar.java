package io.nova.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A service's fat jar and its identity, read from the {@code nova-service.properties} Maven filtered into it from
 * the service's pom — the one place a service's name, ports and database are written, so the launcher never
 * carries its own copy.
 */
public record ServiceJar(String name, Path jar, int httpPort, int grpcPort, int adminPort, String database,
                         int replica) {

    static final String IDENTITY = "nova-service.properties";

    /** The jar Maven builds for {@code service} in this repository: {@code modules/<svc>/target/<svc>.jar}. */
    public static ServiceJar of(Path repositoryRoot, String service) {
        Path jar = repositoryRoot.resolve("modules").resolve(service).resolve("target").resolve(service + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar for " + service + " at " + jar
                    + "; ./nova local builds the jars it needs (or run: mvn -B package)");
        }
        Properties p = new Properties();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(IDENTITY);
            if (entry == null) {
                throw new IllegalStateException(jar + " has no " + IDENTITY + "; is it a Nova service?");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + jar, e);
        }
        String name = required(p, "service.name", jar);
        if (!name.equals(service)) {
            throw new IllegalStateException(jar + " says it is " + name + ", the Ingress calls it " + service);
        }
        return new ServiceJar(name, jar, Integer.parseInt(required(p, "service.http.port", jar)),
                Integer.parseInt(required(p, "service.grpc.port", jar)),
                Integer.parseInt(required(p, "service.admin.port", jar)),
                required(p, "service.database", jar), 1);
    }

    private static String required(Properties p, String key, Path jar) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(jar + ": " + IDENTITY + " has no value for " + key);
        }
        return value.trim();
    }

    /** The same service on other ports (free ones, for tests that must not collide with a running ./nova local). */
    public ServiceJar onPorts(int http, int grpc, int admin) {
        return new ServiceJar(name, jar, http, grpc, admin, database, replica);
    }

    /** Another replica of the service (numbered from 1), on other ports: same jar, same database. */
    public ServiceJar replica(int number, int http, int grpc, int admin) {
        return new ServiceJar(name, jar, http, grpc, admin, database, number);
    }

    /** The name of this process: the service's, with the replica's number from the second one on. */
    public String label() {
        return replica == 1 ? name : name + "-" + replica;
    }
}
