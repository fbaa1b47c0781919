package io.nova.bench.floor;

import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves committed messages from the outbox into their recipients' replay logs (Redis streams, 10,000 entries each)
 * and then onto their sockets: woken by the outbox trigger's notification (or every 250 ms), it takes up to
 * {@link #BATCH} rows in one statement, appends them all in one Redis pipeline, commits the rows' removal only
 * once Redis has them, and writes each entry to the recipient's open sockets with its stream id as the event id.
 * At least once: a crash between the append and the commit appends again (Nova deduplicates there; the floor does
 * not, which only makes it cheaper).
 */
final class ChatRelay {

    private static final int BATCH = 500;
    private static final int LOG_LENGTH = 10_000;

    private record Row(long id, String[] recipients, String payload) {
    }

    private record Entry(String recipient, RFuture<StreamMessageId> id, String payload) {
    }

    private final Jdbi jdbi;
    private final String url;
    private final RedissonClient redis;
    private final ChatSockets sockets;
    private final Thread thread = new Thread(this::run, "floor-relay");
    private volatile boolean stopping;
    /**
     * The last row taken: the next pass starts after it instead of stepping over the index entries of the rows it
     * deleted (dead until a vacuum). Rows commit in id order here — one writer, one relay — so none is skipped.
     */
    private long after;

    ChatRelay(Jdbi jdbi, String url, RedissonClient redis, ChatSockets sockets) {
        this.jdbi = jdbi;
        this.url = url;
        this.redis = redis;
        this.sockets = sockets;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopping = true;
    }

    private void run() {
        try (Connection listener = DriverManager.getConnection(url, "postgres", "");
             Statement statement = listener.createStatement()) {
            statement.execute("LISTEN floor_outbox");
            PGConnection notifications = listener.unwrap(PGConnection.class);
            while (!stopping) {
                while (relayBatch() == BATCH) {
                    // a full batch: more are waiting
                }
                notifications.getNotifications(250);
            }
        } catch (SQLException e) {
            System.err.println("floor relay stopped: " + e);
        }
    }

    private int relayBatch() {
        List<Entry> appended = new ArrayList<>();
        int rows = jdbi.inTransaction(handle -> {
            List<Row> taken = handle.createQuery("""
                            DELETE FROM floor_outbox WHERE id IN
                              (SELECT id FROM floor_outbox WHERE id > :after ORDER BY id LIMIT :batch)
                            RETURNING id, recipients, payload""")
                    .bind("after", after)
                    .bind("batch", BATCH)
                    .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("recipients").split(" "),
                            rs.getString("payload")))
                    .list();
            if (taken.isEmpty()) {
                return 0;
            }
            RBatch pipeline = redis.createBatch(BatchOptions.defaults());
            taken.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(row -> {
                for (String recipient : row.recipients()) {
                    appended.add(new Entry(recipient, pipeline.<String, String>getStream("floor:log:" + recipient,
                                    StringCodec.INSTANCE)
                            .addAsync(StreamAddArgs.entry("d", row.payload()).trimNonStrict().maxLen(LOG_LENGTH)
                                    .noLimit()), row.payload()));
                }
            });
            pipeline.execute(); // throws if Redis refused: the rows stay for the next pass
            after = taken.stream().mapToLong(Row::id).max().orElseThrow();
            return taken.size();
        });
        for (Entry entry : appended) {
            sockets.deliver(entry.recipient(), "{\"type\":\"message.created\",\"id\":\"" + entry.id().toCompletableFuture()
                    .join() + "\",\"data\":" + entry.payload() + "}");
        }
        return rows;
    }
}
