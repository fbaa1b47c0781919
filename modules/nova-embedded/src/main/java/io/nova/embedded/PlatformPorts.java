package io.nova.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

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
     * A loopback port nobody listens on at this moment. The servers started as child processes (PostgreSQL,
     * Redis) and Kafka's advertised listeners need the number before they bind, so port 0 cannot be handed to
     * them; the short window between closing this probe and the server binding is accepted.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
