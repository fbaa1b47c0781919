package io.nova.messaging.db;

import io.nova.kernel.db.SqlLimit;
import io.nova.kernel.paging.Keyset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for calls. Every method runs on the caller's handle, inside the caller's transaction. */
public final class CallStore {

    private static final String COLUMNS = """
            k.id, k.conversation_id, k.caller_id, k.callee_ids, k.declined_by, k.kind, k.state, k.offer_sdp,
            k.answer_sdp, k.started_at, k.ring_deadline, k.answered_by, k.answered_at, k.ended_at, k.end_reason,
            k.ended_by""";

    /**
     * A new ringing call and its parties — unless the conversation already has a live call: then empty, and
     * nothing is written. Against a concurrent start the partial unique index decides: this insert waits for the
     * other transaction and conflicts if it committed.
     */
    public Optional<CallRow> insertRinging(Handle handle, UUID id, UUID conversation, UUID caller,
                                           List<UUID> callees, String kind, String offer, Duration ringTimeout) {
        Optional<CallRow> call = handle.createQuery("""
                        WITH t AS (SELECT clock_timestamp() AS started)
                        INSERT INTO calls AS k (id, conversation_id, caller_id, callee_ids, kind, state, offer_sdp,
                                                started_at, ring_deadline)
                        SELECT :id, :conversation, :caller, :callees, :kind, 'ringing', :offer, t.started,
                               t.started + :timeoutMillis * interval '1 millisecond'
                          FROM t
                        ON CONFLICT (conversation_id) WHERE state <> 'ended' DO NOTHING
                        RETURNING\s""" + COLUMNS)
                .bind("id", id).bind("conversation", conversation).bind("caller", caller)
                .bind("callees", callees.toArray(UUID[]::new)).bind("kind", kind).bind("offer", offer)
                .bind("timeoutMillis", ringTimeout.toMillis())
                .map((rs, ctx) -> row(rs)).findOne();
        call.ifPresent(row -> handle.createUpdate("""
                        INSERT INTO call_parties (call_id, user_id, started_at)
                        SELECT :id, party, :startedAt FROM unnest(:parties) AS party""")
                .bind("id", id).bind("startedAt", Timestamp.from(row.startedAt()))
                .bind("parties", row.parties().toArray(UUID[]::new)).execute());
        return call;
    }

    /** The conversation's live (ringing or answered) call. */
    public Optional<CallRow> live(Handle handle, UUID conversation) {
        return handle.createQuery("SELECT " + COLUMNS
                        + " FROM calls k WHERE k.conversation_id = :conversation AND k.state <> 'ended'")
                .bind("conversation", conversation).map((rs, ctx) -> row(rs)).findOne();
    }

    public Optional<CallRow> find(Handle handle, UUID id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM calls k WHERE k.id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Reads the call and locks it until the transaction ends: state changes of one call follow one another. */
    public Optional<CallRow> lock(Handle handle, UUID id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM calls k WHERE k.id = :id FOR UPDATE")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The database's clock, which wrote every call time: deadlines are compared with it, never with a JVM's. */
    public Instant now(Handle handle) {
        return handle.createQuery("SELECT clock_timestamp()").mapTo(Instant.class).one();
    }

    public CallRow answer(Handle handle, UUID id, UUID by, String answer) {
        return handle.createQuery("""
                        UPDATE calls AS k SET state = 'answered', answered_by = :by, answered_at = clock_timestamp(),
                                              answer_sdp = :answer
                         WHERE k.id = :id
                        RETURNING\s""" + COLUMNS)
                .bind("id", id).bind("by", by).bind("answer", answer).map((rs, ctx) -> row(rs)).one();
    }

    public CallRow decline(Handle handle, UUID id, UUID by) {
        return handle.createQuery("""
                        UPDATE calls AS k SET declined_by = array_append(declined_by, :by)
                         WHERE k.id = :id
                        RETURNING\s""" + COLUMNS)
                .bind("id", id).bind("by", by).map((rs, ctx) -> row(rs)).one();
    }

    /**
     * Ends the call; the session descriptions go with it. {@code by} is null when nobody did (missed): the cast
     * types that null, which the driver would otherwise send as text.
     */
    public CallRow end(Handle handle, UUID id, String reason, UUID by) {
        return handle.createQuery("""
                        UPDATE calls AS k SET state = 'ended', ended_at = clock_timestamp(), end_reason = :reason,
                                              ended_by = CAST(:by AS uuid), offer_sdp = NULL, answer_sdp = NULL
                         WHERE k.id = :id
                        RETURNING\s""" + COLUMNS)
                .bind("id", id).bind("reason", reason).bind("by", by).map((rs, ctx) -> row(rs)).one();
    }

    /**
     * Up to {@code limit} ringing calls past their deadline, locked; calls another replica's sweep (or a request)
     * holds are skipped, so sweeps on every replica share the work and never wait for one another.
     */
    public List<CallRow> lockRingingDue(Handle handle, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + """
                         FROM calls k
                        WHERE k.state = 'ringing' AND k.ring_deadline <= clock_timestamp()
                        ORDER BY k.ring_deadline
                        """ + SqlLimit.of(limit) + " FOR UPDATE SKIP LOCKED")
                .map((rs, ctx) -> row(rs)).list();
    }

    /**
     * The user's calls — those they were a party to — in conversations they are still a member of, newest first,
     * after {@code after}.
     */
    public List<CallRow> history(Handle handle, UUID user, Optional<Keyset> after, int limit) {
        String keyset = after.isEmpty() ? "" : " AND (p.started_at, p.call_id) < (:afterAt, :afterId)";
        Query query = handle.createQuery("SELECT " + COLUMNS + """
                         FROM call_parties p
                         JOIN calls k ON k.id = p.call_id
                         JOIN members m ON m.conversation_id = k.conversation_id AND m.user_id = p.user_id
                                       AND m.left_seq IS NULL
                        WHERE p.user_id = :user""" + keyset
                        + " ORDER BY p.started_at DESC, p.call_id DESC" + SqlLimit.of(limit))
                .bind("user", user);
        after.ifPresent(position -> query.bind("afterAt", Timestamp.from(position.at()))
                .bind("afterId", position.id()));
        return query.map((rs, ctx) -> row(rs)).list();
    }

    private static CallRow row(ResultSet rs) throws SQLException {
        return new CallRow(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getObject("caller_id", UUID.class), Rows.uuids(rs.getArray("callee_ids")),
                Rows.uuids(rs.getArray("declined_by")), rs.getString("kind"), rs.getString("state"),
                rs.getString("offer_sdp"), rs.getString("answer_sdp"), Rows.instant(rs, "started_at"),
                Rows.instant(rs, "ring_deadline"), rs.getObject("answered_by", UUID.class),
                Rows.instant(rs, "answered_at"), Rows.instant(rs, "ended_at"), rs.getString("end_reason"),
                rs.getObject("ended_by", UUID.class));
    }
}
