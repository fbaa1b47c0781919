package io.nova.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ports the platform listens on; {@code 0} means "any free port".
 *
 * <p>Tests want free ports so parallel builds never collide; a local run wants the same ports every time so
 * services can keep their configuration. {@link #LOCAL} deliberately avoids the well-known ports (5432, 6379,
 * 9092, 9000) so a PostgreSQL or Redis installed on the machine keeps working next to Nova.
 *
 * @param postgres       PostgreSQL
 * @param redis          Redis
 * @param kafka          the Kafka broker listener clients use
 * @param kafkaController the KRaft controller listener (only the broker itself talks to it)
 * @param s3             the S3 endpoint
 */
public record PlatformPorts(int postgres, int redis, int kafka, int kafkaController, int s3) {

    /** Every server on a free port chosen at start. */
    public static final PlatformPorts ANY = new PlatformPorts(0, 0, 0, 0, 0);

    /** Fixed ports for running Nova on a laptop. */
    public static final PlatformPorts LOCAL = new PlatformPorts(15432, 16379, 19092, 19093, 19000);

    public PlatformPorts {
        for (int port : new int[] {postgres, redis, kafka, kafkaController, s3}) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
        }
    }

    /** True when at least one port is left to be chosen at start. */
    public boolean hasAny() {
        return postgres == 0 || redis == 0 || kafka == 0 || kafkaController == 0 || s3 == 0;
    }

    /** These ports with every {@code 0} replaced by a port free right now. */
    public PlatformPorts resolved() {
        return new PlatformPorts(orFree(postgres), orFree(redis), orFree(kafka), orFree(kafkaController), orFree(s3));
    }

    private static int orFree(int port) {
        return port != 0 ? port : freePort();
    }

    /**
     * A loopback port nobody listens on at this moment, chosen below the kernel's ephemeral range. The servers
     * started as child processes (PostgreSQL, Redis), Kafka's advertised listeners and a service's configuration
     * need the number before the server binds it, so port 0 cannot be handed to them. A port from the ephemeral
     * range (what binding port 0 returns) could meanwhile become the local port of any outgoing connection on the
     * machine — a test platform's own JDBC or Kafka clients among them — and the server's bind then fails ("Address
     * already in use": seen as a Kafka start failure in CI). Below that range only another listener choosing the
     * same number explicitly can take it, and the draw is random.
     */
    public static int freePort() {
        int ephemeralLow = ephemeralRangeLow();
        int lowest = Math.min(20_000, ephemeralLow / 2);
        for (int tries = 0; tries < 100; tries++) {
            int candidate = lowest + ThreadLocalRandom.current().nextInt(ephemeralLow - lowest);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
                return candidate;
            } catch (IOException taken) {
                // someone listens there: draw again
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port between " + lowest + " and "
                + ephemeralLow));
    }

    /** The first port of /proc/sys/net/ipv4/ip_local_port_range; Linux's default where it cannot be read. */
    static int ephemeralRangeLow() {
        // Read line-wise: procfs reports a size of 0, and Files.readString then returns a truncated "3".
        try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }
}
