package io.nova.bench.floor;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One thread that writes every message waiting, up to {@link #BATCH}, in one transaction of three statements: the
 * conversations' seqs taken, the messages inserted, their outbox rows inserted (the table's trigger notifies the
 * relay at commit). The fewest round trips a committed, sequenced, relayed message can take.
 */
final class ChatWriter {

    static final int BATCH = 64;

    /** A message as the answer and the socket frame carry it. */
    record Message(UUID id, UUID conversation_id, long seq, UUID sender_id, String text, String created_at) {
    }

    private record Send(UUID conversation, UUID sender, List<UUID> members, String text,
                        CompletableFuture<Message> done) {
    }

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper();
    private final BlockingQueue<Send> waiting = new LinkedBlockingQueue<>();
    private final Thread thread = new Thread(this::run, "floor-writer");

    ChatWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        thread.interrupt();
    }

    CompletableFuture<Message> send(UUID conversation, UUID sender, List<UUID> members, String text) {
        CompletableFuture<Message> done = new CompletableFuture<>();
        waiting.add(new Send(conversation, sender, members, text, done));
        return done;
    }

    private void run() {
        List<Send> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(batch, BATCH - 1);
            try {
                List<Message> written = jdbi.inTransaction(handle -> write(handle, batch));
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(written.get(i));
                }
            } catch (Exception e) {
                batch.forEach(send -> send.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private List<Message> write(Handle handle, List<Send> batch) throws Exception {
        Map<UUID, Integer> counts = new TreeMap<>(); // in id order, as a multi-writer version would lock them
        batch.forEach(send -> counts.merge(send.conversation(), 1, Integer::sum));
        Map<UUID, Long> last = handle.createQuery("""
                        UPDATE floor_conversations c SET last_seq = c.last_seq + t.n
                          FROM unnest(:ids, :counts) AS t(id, n) WHERE c.id = t.id RETURNING c.id, c.last_seq""")
                .bindArray("ids", UUID.class, counts.keySet().toArray())
                .bindArray("counts", Integer.class, counts.values().toArray())
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("last_seq")))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue);
        Map<UUID, Long> next = new HashMap<>();
        counts.forEach((conversation, n) -> next.put(conversation, last.get(conversation) - n + 1));
        String now = Instant.now().toString();
        List<Message> messages = new ArrayList<>(batch.size());
        String[] recipients = new String[batch.size()];
        String[] payloads = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Send send = batch.get(i);
            long seq = next.merge(send.conversation(), 1L, Long::sum) - 1;
            Message message = new Message(UUID.randomUUID(), send.conversation(), seq, send.sender(), send.text(), now);
            messages.add(message);
            recipients[i] = String.join(" ", send.members().stream().map(UUID::toString).toList());
            payloads[i] = json.writeValueAsString(message);
        }
        handle.createUpdate("""
                        INSERT INTO floor_messages (conversation_id, seq, id, sender_id, text)
                        SELECT * FROM unnest(:conversations, :seqs, :ids, :senders, :texts)""")
                .bindArray("conversations", UUID.class, messages.stream().map(Message::conversation_id).toArray())
                .bindArray("seqs", Long.class, messages.stream().map(Message::seq).toArray())
                .bindArray("ids", UUID.class, messages.stream().map(Message::id).toArray())
                .bindArray("senders", UUID.class, messages.stream().map(Message::sender_id).toArray())
                .bindArray("texts", String.class, messages.stream().map(Message::text).toArray())
                .execute();
        handle.createUpdate("INSERT INTO floor_outbox (recipients, payload) SELECT * FROM unnest(:recipients, :payloads)")
                .bindArray("recipients", String.class, (Object[]) recipients)
                .bindArray("payloads", String.class, (Object[]) payloads)
                .execute();
        return messages;
    }
}
