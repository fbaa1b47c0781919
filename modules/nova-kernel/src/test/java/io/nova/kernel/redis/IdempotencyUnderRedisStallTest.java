package io.nova.kernel.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.embedded.EmbeddedRedis;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.client.RedisException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Idempotency keys across a Redis stall (CLIENT PAUSE on a redis-server of this class's own, so no other test
 * stalls): a key whose claim timed out is free for the retry once Redis answers again — not "in use" for the
 * marker's two minutes, as the Redis-stall drill found — and work done while Redis could not record it is
 * acknowledged, then replayed to a retry instead of being done twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyUnderRedisStallTest {

    private static final long PAUSE_MILLIS = 3_000;

    @TempDir
    static Path directory;

    private EmbeddedRedis server;
    private ManagedRedis redis;
    private IdempotencyKeys keys;
    private final AtomicInteger created = new AtomicInteger();

    @BeforeAll
    void start() {
        server = EmbeddedRedis.start(directory, 0, false);
        RedisConfig config = new RedisConfig();
        config.setUrl(server.uri());
        config.setTimeout(io.dropwizard.util.Duration.milliseconds(300));
        redis = new ManagedRedis(config, "stall-test");
        keys = new IdempotencyKeys(redis.client(), new ObjectMapper(), "stall-test");
    }

    @AfterAll
    void stop() throws Exception {
        if (redis != null) {
            redis.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private Response create() {
        created.incrementAndGet();
        return Response.status(201).entity(Map.of("id", UUID.randomUUID().toString())).build();
    }

    @Test
    void aKeyWhoseClaimTimedOutIsFreeSoonAfterRedisAnswersAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = created.get();
        pauseRedis();
        assertThatThrownBy(() -> keys.run("POST /things", "alice", key, Map.of("name", "lamp"), this::create))
                .isInstanceOf(RedisException.class);
        assertThat(created.get()).as("nothing ran while the key could not be claimed").isEqualTo(before);

        Thread.sleep(PAUSE_MILLIS);
        Response retry = retryUntilNotInUse("alice", key, Map.of("name", "lamp"));
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(created.get() - before).isEqualTo(1);
    }

    @Test
    void workDoneWhileRedisStalledIsAcknowledgedAndReplayedNotRepeated() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = created.get();
        Response first = keys.run("POST /things", "bob", key, Map.of("name", "chair"), () -> {
            pauseRedis();
            return create();
        });
        assertThat(first.getStatus()).as("the work happened: the client is told so").isEqualTo(201);

        Thread.sleep(PAUSE_MILLIS);
        Response retry = retryUntilNotInUse("bob", key, Map.of("name", "chair"));
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeaderString(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(created.get() - before).as("done once").isEqualTo(1);
    }

    /** The key may still be settling for a moment after the pause: a 409 is "retry", as the API says. */
    private Response retryUntilNotInUse(String caller, String key, Map<String, String> body)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            try {
                return keys.run("POST /things", caller, key, body, this::create);
            } catch (io.nova.kernel.errors.DomainException conflict) {
                if (System.currentTimeMillis() > deadline) {
                    throw conflict;
                }
                Thread.sleep(200);
            }
        }
    }

    private void pauseRedis() {
        try (Socket socket = new Socket(server.host(), server.port())) {
            OutputStream out = socket.getOutputStream();
            String millis = Long.toString(PAUSE_MILLIS);
            out.write(("*3\r\n$6\r\nCLIENT\r\n$5\r\nPAUSE\r\n$" + millis.length() + "\r\n" + millis + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(socket.getInputStream().read()).as("+OK").isEqualTo('+');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
