package io.nova.messaging.db;

import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for notifications (V3__notifications.sql). Every method runs on the caller's handle, inside the caller's
 * transaction; the methods that change a group lock its row first, so concurrent contributions to one group queue
 * on that lock and its count stays the number of its actor rows.
 */
public final class NotificationStore {

    public static final int LATEST_ACTORS = 8;

    /** The columns of a {@link NotificationRow}: the row, its latest actors, and whether it is unread. */
    private static final String SELECT = """
            SELECT n.id, n.owner_id, n.kind, n.target::text AS target, n.count, n.created_at, n.latest_at,
                   a.actors, n.latest_at > COALESCE(m.read_up_to, '-infinity') AS unread
              FROM notifications n
              LEFT JOIN notification_markers m ON m.owner_id = n.owner_id
             CROSS JOIN LATERAL (SELECT array_agg(l.actor_id ORDER BY l.acted_at DESC, l.actor_id) AS actors
                                   FROM (SELECT actor_id, acted_at FROM notification_actors
                                          WHERE notification_id = n.id
                                          ORDER BY acted_at DESC, actor_id LIMIT %d) l) a
            """.formatted(LATEST_ACTORS);

    /** The group's row, created empty if it is not there; either way locked until the transaction ends. */
    public UUID lockGroup(Handle handle, UUID owner, String kind, String subject, String groupKey, String target) {
        return handle.createQuery("""
                        INSERT INTO notifications (id, owner_id, kind, subject, group_key, target, count, created_at,
                                                   latest_at)
                        VALUES (:id, :owner, :kind, :subject, :key, CAST(:target AS jsonb), 0, clock_timestamp(),
                                clock_timestamp())
                        ON CONFLICT (owner_id, group_key) DO UPDATE SET group_key = EXCLUDED.group_key
                        RETURNING id""")
                .bind("id", UUID.randomUUID()).bind("owner", owner).bind("kind", kind).bind("subject", subject)
                .bind("key", groupKey).bind("target", target)
                .mapTo(UUID.class).one();
    }

    /**
     * Adds the actor to the (locked) group: true when they were not in it yet, and then the count and
     * {@code latest_at} move with it.
     */
    public boolean addActor(Handle handle, UUID notification, UUID actor) {
        int added = handle.createUpdate("""
                        INSERT INTO notification_actors (notification_id, actor_id, acted_at)
                        VALUES (:id, :actor, clock_timestamp()) ON CONFLICT DO NOTHING""")
                .bind("id", notification).bind("actor", actor).execute();
        if (added == 1) {
            handle.createUpdate("""
                            UPDATE notifications SET count = count + 1, latest_at = clock_timestamp()
                             WHERE id = :id""")
                    .bind("id", notification).execute();
        }
        return added == 1;
    }

    /** Drops a group nobody contributes to: one that stayed empty, or whose last actor took their part back. */
    public boolean deleteIfEmpty(Handle handle, UUID notification) {
        return handle.createUpdate("DELETE FROM notifications WHERE id = :id AND count = 0")
                .bind("id", notification).execute() == 1;
    }

    /**
     * The newest entry of {@code kind} and {@code subject} the actor is part of ({@code owner} null: anyone's),
     * locked.
     */
    public Optional<UUID> lockContributed(Handle handle, UUID owner, String kind, String subject, UUID actor) {
        return handle.createQuery("""
                        SELECT n.id FROM notifications n
                          JOIN notification_actors a ON a.notification_id = n.id AND a.actor_id = :actor
                         WHERE n.kind = :kind AND n.subject = :subject
                           AND (CAST(:owner AS uuid) IS NULL OR n.owner_id = CAST(:owner AS uuid))
                         ORDER BY n.latest_at DESC LIMIT 1
                           FOR UPDATE OF n""")
                .bind("owner", owner).bind("kind", kind).bind("subject", subject).bind("actor", actor)
                .mapTo(UUID.class).findOne();
    }

    /** Takes the actor out of the (locked) group; {@code latest_at} stays, so the list does not reorder. */
    public boolean removeActor(Handle handle, UUID notification, UUID actor) {
        int removed = handle.createUpdate("""
                        DELETE FROM notification_actors WHERE notification_id = :id AND actor_id = :actor""")
                .bind("id", notification).bind("actor", actor).execute();
        if (removed == 1) {
            handle.createUpdate("UPDATE notifications SET count = count - 1 WHERE id = :id")
                    .bind("id", notification).execute();
        }
        return removed == 1;
    }

    /**
     * Removes every part {@code actor} has in {@code owner}'s entries (a block between them), recounts those
     * entries and drops the ones left empty.
     */
    public void removeActorFromOwner(Handle handle, UUID owner, UUID actor) {
        List<UUID> touched = handle.createQuery("""
                        DELETE FROM notification_actors a USING notifications n
                         WHERE a.notification_id = n.id AND n.owner_id = :owner AND a.actor_id = :actor
                        RETURNING n.id""")
                .bind("owner", owner).bind("actor", actor).mapTo(UUID.class).list();
        if (touched.isEmpty()) {
            return;
        }
        UUID[] ids = touched.toArray(UUID[]::new);
        handle.createUpdate("""
                        UPDATE notifications n SET count = (SELECT count(*) FROM notification_actors a
                                                             WHERE a.notification_id = n.id)
                         WHERE n.id = ANY(:ids)""")
                .bind("ids", ids).execute();
        handle.createUpdate("DELETE FROM notifications WHERE id = ANY(:ids) AND count = 0")
                .bind("ids", ids).execute();
    }

    public Optional<NotificationRow> find(Handle handle, UUID notification) {
        return handle.createQuery(SELECT + " WHERE n.id = :id")
                .bind("id", notification).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The owner's entries, newest {@code latest_at} first, after the keyset position when there is one. */
    public List<NotificationRow> list(Handle handle, UUID owner, Optional<Keyset> after, int limit) {
        String keyset = after.isEmpty() ? "" : " AND (n.latest_at, n.id) < (:afterAt, :afterId)";
        Query query = handle.createQuery(SELECT + " WHERE n.owner_id = :owner AND n.count > 0" + keyset
                        + " ORDER BY n.latest_at DESC, n.id DESC" + SqlLimit.of(limit))
                .bind("owner", owner);
        after.ifPresent(position -> query.bind("afterAt", OffsetDateTime.ofInstant(position.at(), ZoneOffset.UTC))
                .bind("afterId", position.id()));
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /** The owner's read marker, when they have ever read. */
    public Optional<Instant> marker(Handle handle, UUID owner) {
        return handle.createQuery("SELECT read_up_to FROM notification_markers WHERE owner_id = :owner")
                .bind("owner", owner).mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant);
    }

    /**
     * Moves the marker to {@code upTo} — capped at now, so a client's clock cannot mark the future read — only
     * when that is later than where it is: a conditional write, so concurrent or stale reads never move it back.
     */
    public void raiseMarker(Handle handle, UUID owner, Instant upTo) {
        handle.createUpdate("""
                        INSERT INTO notification_markers AS m (owner_id, read_up_to)
                        VALUES (:owner, LEAST(:upTo, clock_timestamp()))
                        ON CONFLICT (owner_id) DO UPDATE SET read_up_to = EXCLUDED.read_up_to
                         WHERE m.read_up_to < EXCLUDED.read_up_to""")
                .bind("owner", owner).bind("upTo", OffsetDateTime.ofInstant(upTo, ZoneOffset.UTC)).execute();
    }

    public long unread(Handle handle, UUID owner) {
        return handle.createQuery("""
                        SELECT count(*) FROM notifications n
                         WHERE n.owner_id = :owner AND n.count > 0
                           AND n.latest_at > COALESCE((SELECT read_up_to FROM notification_markers
                                                        WHERE owner_id = :owner), '-infinity')""")
                .bind("owner", owner).mapTo(Long.class).one();
    }

    private static NotificationRow row(ResultSet rs) throws SQLException {
        Array actors = rs.getArray("actors");
        List<UUID> latest = actors == null ? List.of() : Arrays.stream((Object[]) actors.getArray())
                .map(actor -> (UUID) actor).toList();
        return new NotificationRow(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("kind"), rs.getString("target"), rs.getInt("count"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("latest_at", OffsetDateTime.class).toInstant(), latest, rs.getBoolean("unread"));
    }
}
