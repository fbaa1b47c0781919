package io.nova.kernel.redis;

import io.dropwizard.util.Duration;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocations in a real Redis, seen by two verifiers as two services would: the one that revokes refuses the
 * token at once, the other within moments although it had kept "not revoked" for it.
 */
@ExtendWith(NovaPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRevokedTokensTest {

    private static final java.time.Duration SKEW = java.time.Duration.ofSeconds(30);

    private ManagedRedis userServiceRedis;
    private ManagedRedis otherServiceRedis;
    private RedisRevokedTokens userService;
    private RedisRevokedTokens otherService;

    @BeforeAll
    void start(TestPlatform platform) {
        userServiceRedis = client(platform, "revoking-service");
        otherServiceRedis = client(platform, "verifying-service");
        userService = new RedisRevokedTokens(userServiceRedis.client(), SKEW);
        otherService = new RedisRevokedTokens(otherServiceRedis.client(), SKEW);
        // The first lookup subscribes; answers are kept once revocations are heard.
        otherService.isRevoked(UUID.randomUUID().toString());
        awaitTrue(otherService::listening);
    }

    @AfterAll
    void stop() throws Exception {
        userServiceRedis.stop();
        otherServiceRedis.stop();
    }

    @Test
    void aKeptNotRevokedTurnsIntoRevokedWhenTheRevocationIsPublished() {
        String token = UUID.randomUUID().toString();
        assertThat(otherService.isRevoked(token)).isFalse();
        assertThat(userService.isRevoked(token)).isFalse();

        userService.revoke(token, Instant.now().plusSeconds(600));

        assertThat(userService.isRevoked(token)).isTrue();
        // The other verifier kept "not revoked" for 30 s; only the published revocation can change it this soon.
        awaitTrue(() -> otherService.isRevoked(token));
    }

    @Test
    void aTokenRevokedBeforeItWasFirstAskedAboutIsRevoked() {
        String token = UUID.randomUUID().toString();
        userService.revoke(token, Instant.now().plusSeconds(600));
        assertThat(otherService.isRevoked(token)).isTrue();
        assertThat(otherService.isRevoked(token)).isTrue();
    }

    @Test
    void otherTokensStayValid() {
        String revoked = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        userService.revoke(revoked, Instant.now().plusSeconds(600));
        awaitTrue(() -> otherService.isRevoked(revoked));
        assertThat(otherService.isRevoked(kept)).isFalse();
        assertThat(userService.isRevoked(kept)).isFalse();
    }

    @Test
    void aTokenPastItsTimeIsNotStoredAtAll() {
        String token = UUID.randomUUID().toString();
        userService.revoke(token, Instant.now().minus(SKEW).minusSeconds(1));
        RedisRevokedTokens fresh = new RedisRevokedTokens(userServiceRedis.client(), SKEW);
        assertThat(fresh.isRevoked(token)).isFalse();
    }

    private static ManagedRedis client(TestPlatform platform, String name) {
        RedisConfig config = new RedisConfig();
        config.setUrl(platform.redisUri());
        config.setTimeout(Duration.seconds(5));
        return new ManagedRedis(config, name);
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after 5 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
