package io.nova.contracts;

import io.dropwizard.util.Duration;
import io.nova.kernel.redis.ManagedRedis;
import io.nova.kernel.redis.RedisConfig;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Relationship versions in a real Redis: stable while nothing changes, new after a change or a lost key. */
@ExtendWith(NovaPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationshipVersionsTest {

    private ManagedRedis redis;
    private RelationshipVersions versions;

    @BeforeAll
    void start(TestPlatform platform) {
        RedisConfig config = new RedisConfig();
        config.setUrl(platform.redisUri());
        config.setTimeout(Duration.seconds(5));
        redis = new ManagedRedis(config, "relationship-versions-test");
        versions = new RelationshipVersions(redis.client());
    }

    @AfterAll
    void stop() throws Exception {
        redis.stop();
    }

    @Test
    void versionsStayTheSameWhileNothingChanges() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        List<String> first = versions.current(ann, bob);
        assertThat(first).hasSize(2).doesNotContainNull();
        assertThat(first.get(0)).isNotEqualTo(first.get(1));
        assertThat(versions.current(ann, bob)).isEqualTo(first);
        assertThat(versions.current(bob, ann)).containsExactly(first.get(1), first.get(0));
    }

    @Test
    void manyUsersAreReadTogetherAsEachWouldBeAlone() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cid = UUID.randomUUID();
        List<String> pair = versions.current(ann, bob);

        Map<UUID, String> all = versions.current(List.of(ann, bob, cid, ann));

        assertThat(all).hasSize(3).containsEntry(ann, pair.get(0)).containsEntry(bob, pair.get(1));
        assertThat(all.get(cid)).as("drawn now, and kept").isNotNull().isEqualTo(versions.current(cid, ann).get(0));
        assertThat(versions.current(List.of())).isEmpty();
    }

    @Test
    void aChangeGivesBothUsersNewVersionsAndLeavesOthersAlone() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cid = UUID.randomUUID();
        List<String> before = versions.current(ann, bob);
        String cidBefore = versions.current(cid, ann).get(0);

        versions.changed(ann, bob);

        List<String> after = versions.current(ann, bob);
        assertThat(after.get(0)).isNotEqualTo(before.get(0));
        assertThat(after.get(1)).isNotEqualTo(before.get(1));
        assertThat(versions.current(cid, ann).get(0)).isEqualTo(cidBefore);
    }

    @Test
    void aVersionLostWithRedisDataIsNeverDrawnAgain() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        List<String> before = versions.current(ann, bob);
        redis.client().getKeys().delete("nova:relationship-version:" + ann);
        List<String> after = versions.current(ann, bob);
        assertThat(after.get(0)).isNotEqualTo(before.get(0));
        assertThat(after.get(1)).isEqualTo(before.get(1));
        assertThat(redis.client().getBucket("nova:relationship-version:" + ann).remainTimeToLive())
                .isPositive().isLessThanOrEqualTo(RelationshipVersions.KEEP.toMillis());
    }
}
