package io.nova.local.drill;

import io.nova.embedded.EmbeddedPlatform;
import io.nova.local.LocalPlatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a drill does to the platform while the load runs. Each is done to the real server — the broker stopped,
 * redis-server paused or restarted, PostgreSQL shut down — never simulated in the services.
 */
enum Fault {

    KAFKA_STOP("Kafka stopped for the outage, then started again") {
        @Override
        void inject(LocalPlatform local, Duration outage) {
            EmbeddedPlatform platform = local.platform();
            platform.stopKafka();
            sleep(outage);
            platform.startKafka();
        }
    },
    REDIS_FLUSH("Redis emptied (FLUSHALL), as a restart without persistence would leave it") {
        @Override
        void inject(LocalPlatform local, Duration outage) {
            redis(local.platform(), "FLUSHALL");
        }
    },
    REDIS_PAUSE("Redis stalled (CLIENT PAUSE) for the outage: every client's commands wait") {
        @Override
        void inject(LocalPlatform local, Duration outage) {
            redis(local.platform(), "CLIENT", "PAUSE", Long.toString(outage.toMillis()));
            sleep(outage);
        }
    },
    REDIS_RESTART("redis-server stopped and started again: every connection cut") {
        @Override
        void inject(LocalPlatform local, Duration outage) {
            local.platform().restartRedis();
        }
    },
    POSTGRES_RESTART("PostgreSQL shut down (fast: sessions cut, open transactions rolled back) and started again") {
        @Override
        void inject(LocalPlatform local, Duration outage) {
            local.platform().restartPostgres();
        }
    },
    REPLICA_KILL("the second of two messaging-service replicas killed (SIGKILL), restarted after the outage") {
        @Override
        void inject(LocalPlatform local, Duration outage) {
            local.killAndRestart(REPLICATED, 2, outage);
        }
    };

    /** The service the replica drill runs twice: it holds the sockets and is called by the fewest peers. */
    static final String REPLICATED = "messaging-service";

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    abstract void inject(LocalPlatform platform, Duration outage);

    String description() {
        return description;
    }

    /** The name a user types: {@code kafka-stop}, {@code redis-pause} … */
    String command() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Fault byCommand(String command) {
        return Arrays.stream(values()).filter(f -> f.command().equals(command)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no drill named " + command + "; drills: "
                        + String.join(", ", Arrays.stream(values()).map(Fault::command).toList())));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the fault", e);
        }
    }

    /** Sends one command in the Redis protocol and returns its one-line answer (an error answer throws). */
    private static String redis(EmbeddedPlatform platform, String... command) {
        StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                    .append(part).append("\r\n");
        }
        try (Socket socket = new Socket(platform.redis().host(), platform.redis().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            String answer = line.toString().trim();
            if (!answer.startsWith("+")) {
                throw new IllegalStateException("Redis refused " + String.join(" ", command) + ": " + answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach Redis for " + command[0], e);
        }
    }
}
