package io.nova.media.db;

import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.db.Migrations;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pending-upload quota against the real schema: the per-owner count follows every way an
 * upload leaves 'pending', and uploads whose time ran out stop counting before the sweep removes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class PendingQuotaTest {

    private static final int QUOTA = 3;

    private final MediaStore store = new MediaStore();
    private Jdbi jdbi;

    @BeforeAll
    void migrate(TestPlatform platform) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(platform.jdbcUrl());
        dataSource.setUser(platform.dbUser());
        dataSource.setPassword(platform.dbPassword());
        new Migrations(dataSource, "media-service").migrate();
        jdbi = Jdbi.create(dataSource);
    }

    @Test
    void everyWayOutOfPendingFreesAPlace() {
        String owner = UUID.randomUUID().toString();
        UUID verified = create(owner, Duration.ofHours(1));
        UUID rejected = create(owner, Duration.ofHours(1));
        UUID deleted = create(owner, Duration.ofHours(1));
        assertThat(counted(owner)).isEqualTo(3);
        assertThat(tryCreate(owner, Duration.ofHours(1))).isFalse();

        jdbi.useHandle(h -> store.markVerified(h, verified));
        assertThat(counted(owner)).isEqualTo(2);
        jdbi.useHandle(h -> store.rejectPending(h, rejected, "not a picture"));
        assertThat(counted(owner)).isEqualTo(1);
        jdbi.useHandle(h -> store.delete(h, deleted));
        assertThat(counted(owner)).isZero();

        for (int i = 0; i < QUOTA; i++) {
            assertThat(tryCreate(owner, Duration.ofHours(1))).isTrue();
        }
        assertThat(tryCreate(owner, Duration.ofHours(1))).isFalse();
        assertThat(counted(owner)).isEqualTo(QUOTA);
    }

    @Test
    void leavingAStateOtherThanPendingChangesNothing() {
        String owner = UUID.randomUUID().toString();
        UUID media = create(owner, Duration.ofHours(1));
        create(owner, Duration.ofHours(1));
        jdbi.useHandle(h -> store.markVerified(h, media));
        jdbi.useHandle(h -> store.markReady(h, media, 10, 10, null, null));
        jdbi.useHandle(h -> store.delete(h, media));
        assertThat(counted(owner)).isEqualTo(1);
    }

    @Test
    void uploadsPastTheirTimeNoLongerCountThoughNotSweptYet() {
        String owner = UUID.randomUUID().toString();
        for (int i = 0; i < QUOTA; i++) {
            create(owner, Duration.ofMillis(-1));
        }
        // The kept count still holds them (the sweep has not run); the exact count decides.
        assertThat(counted(owner)).isEqualTo(QUOTA);
        for (int i = 0; i < QUOTA; i++) {
            assertThat(tryCreate(owner, Duration.ofHours(1))).isTrue();
        }
        assertThat(tryCreate(owner, Duration.ofHours(1))).isFalse();
    }

    @Test
    void anotherOwnersUploadsDoNotCount() {
        String full = UUID.randomUUID().toString();
        for (int i = 0; i < QUOTA; i++) {
            create(full, Duration.ofHours(1));
        }
        assertThat(tryCreate(UUID.randomUUID().toString(), Duration.ofHours(1))).isTrue();
    }

    private UUID create(String owner, Duration pendingFor) {
        UUID id = UUID.randomUUID();
        assertThat(insert(id, owner, pendingFor)).isTrue();
        return id;
    }

    private boolean tryCreate(String owner, Duration pendingFor) {
        return insert(UUID.randomUUID(), owner, pendingFor);
    }

    private boolean insert(UUID id, String owner, Duration pendingFor) {
        return jdbi.withHandle(h -> store.insertWithinQuota(h, id, owner, MediaPurpose.IMAGE, "a.png", "image/png",
                10, "media/" + owner + "/" + id, Instant.now().plus(pendingFor), QUOTA));
    }

    private int counted(String owner) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pending FROM media_pending_counts WHERE owner_id = :owner")
                .bind("owner", owner).mapTo(Integer.class).findOne().orElse(0));
    }
}
