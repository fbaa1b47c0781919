package io.nova.messaging.core.realtime;

import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Each user's replay log: a Redis stream of the events they must receive, shared by every replica. The stream
 * entry id is the event id clients see, so {@code resume} is a read of the log after it.
 *
 * <p>Per user, with one hash tag so the keys stay together on a Redis cluster:
 * <ul>
 *   <li>{@code log} — the stream: fields {@code t} (type), {@code e} (the envelope's event id), {@code d} (data);
 *       capped at the newest {@code maxLength} entries, trimmed exactly;</li>
 *   <li>{@code eids} — envelope event id → entry id for the entries still in the log: Kafka redelivers, and an
 *       event already appended is not appended twice;</li>
 *   <li>{@code meta} — {@code genesis}, the first id this stream ever had (a client id older than it belongs to
 *       a log Redis has lost), and {@code floor}, the newest id trimmed away (a client id older than it asks for
 *       events that are gone).</li>
 * </ul>
 * Appends and reads are Lua scripts, so the dedup, the trim and the retention checks are each one atomic step.
 */
public final class ReplayLog {

    /** {} when the event is in the log already, else {previous newest id or '0-0', the new id}. */
    private static final String APPEND = """
            if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return {} end
            local top = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
            local previous = '0-0'
            if #top > 0 then previous = top[1][1] end
            local id = redis.call('XADD', KEYS[1], '*', 't', ARGV[2], 'e', ARGV[1], 'd', ARGV[3])
            redis.call('HSET', KEYS[2], ARGV[1], id)
            redis.call('HSETNX', KEYS[3], 'genesis', id)
            local excess = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[4])
            if excess > 0 then
              local oldest = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', excess)
              for _, entry in ipairs(oldest) do
                local fields = entry[2]
                for i = 1, #fields, 2 do
                  if fields[i] == 'e' then redis.call('HDEL', KEYS[2], fields[i + 1]) end
                end
                redis.call('XDEL', KEYS[1], entry[1])
              end
              redis.call('HSET', KEYS[3], 'floor', oldest[#oldest][1])
            end
            return {previous, id}""";

    /** {'resync', last} or {'ok', last, id1, type1, data1, id2, ...}. */
    private static final String READ = """
            local function before(a, b)
              local am, as = string.match(a, '^(%d+)-(%d+)$')
              local bm, bs = string.match(b, '^(%d+)-(%d+)$')
              am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
              return am < bm or (am == bm and as < bs)
            end
            local top = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
            local last = '0-0'
            if #top > 0 then last = top[1][1] end
            local after = ARGV[1]
            local floor = redis.call('HGET', KEYS[2], 'floor')
            if after == '0-0' then
              if floor then return {'resync', last} end
            else
              if #top == 0 or before(last, after) then return {'resync', last} end
              local genesis = redis.call('HGET', KEYS[2], 'genesis')
              if genesis and before(after, genesis) then return {'resync', last} end
              if floor and before(after, floor) then return {'resync', last} end
            end
            local out = {'ok', last}
            local count = tonumber(ARGV[2])
            if count > 0 then
              for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '(' .. after, '+', 'COUNT', count)) do
                local fields = entry[2]
                local t, d = '', '{}'
                for i = 1, #fields, 2 do
                  if fields[i] == 't' then t = fields[i + 1] elseif fields[i] == 'd' then d = fields[i + 1] end
                end
                out[#out + 1] = entry[1]
                out[#out + 1] = t
                out[#out + 1] = d
              end
            end
            return out""";

    private final RedissonClient redis;
    private final String prefix;
    private final int maxLength;
    /** The append script is sent once and run by its SHA: an event to 2 recipients is then ~200 bytes, not ~2 KiB. */
    private volatile String appendSha;

    /** @param prefix of every key; @param maxLength entries kept per user (the retention) */
    public ReplayLog(RedissonClient redis, String prefix, int maxLength) {
        this.redis = redis;
        this.prefix = prefix;
        this.maxLength = maxLength;
        this.appendSha = loadScript(APPEND);
    }

    private String loadScript(String lua) {
        return redis.getScript(StringCodec.INSTANCE).scriptLoad(lua);
    }

    /**
     * Appends each event to each of its recipients' logs, at most once per event id — one pipelined round trip for
     * all of them. The answer says, per recipient, what was appended right after what (so a socket whose cursor is
     * that previous id can be handed the event without reading it back), and who got nothing new because the event
     * was there already (a redelivery: their sockets are woken to read, in case the first wake-up was lost).
     */
    public Appends append(List<Entry> entries) {
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        RScriptAsync script = batch.getScript(StringCodec.INSTANCE);
        int asked = 0;
        for (Entry entry : entries) {
            for (UUID user : entry.recipients()) {
                script.evalShaAsync(RScript.Mode.READ_WRITE, appendSha, RScript.ReturnType.LIST,
                        List.of(key(user, "log"), key(user, "eids"), key(user, "meta")),
                        entry.eventId().toString(), entry.type(), entry.data(), Integer.toString(maxLength));
                asked++;
            }
        }
        if (asked == 0) {
            return new Appends(List.of(), Set.of());
        }
        List<?> answers;
        try {
            answers = batch.execute().getResponses();
        } catch (RedisException e) {
            if (!scriptMissing(e)) {
                throw e;
            }
            // Redis restarted (or flushed its scripts) since this replica loaded them: load again and run it all
            // again — what the failed batch did append is not appended twice.
            appendSha = loadScript(APPEND);
            return append(entries);
        }
        List<Appended> appended = new ArrayList<>();
        Set<UUID> already = new LinkedHashSet<>();
        int answer = 0;
        for (Entry entry : entries) {
            for (UUID user : entry.recipients()) {
                List<?> ids = (List<?>) answers.get(answer++);
                if (ids.isEmpty()) {
                    already.add(user);
                } else {
                    appended.add(new Appended(user, id(ids.get(0)),
                            new LoggedEvent(id(ids.get(1)), entry.type(), entry.data())));
                }
            }
        }
        return new Appends(appended, already);
    }

    /** Appends one event to each of {@code recipients}' logs ({@link #append(List)}). */
    public Appends append(Collection<UUID> recipients, UUID eventId, String type, String data) {
        return append(List.of(new Entry(recipients, eventId, type, data)));
    }

    private static boolean scriptMissing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisNoScriptException || String.valueOf(cause.getMessage()).contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    /** One event for the log: its recipients, the envelope's event id, its type and its data as JSON. */
    public record Entry(Collection<UUID> recipients, UUID eventId, String type, String data) {
    }

    /** {@code event} went into {@code user}'s log right after {@code previous} ({@link EventId#ZERO}: first). */
    public record Appended(UUID user, EventId previous, LoggedEvent event) {
    }

    /** What an {@link #append} did: the new entries, and the users for whom every event was there already. */
    public record Appends(List<Appended> appended, Set<UUID> already) {
    }

    /** Up to {@code count} events after {@code after}, or a resync when the log cannot give all of them. */
    public LogRead read(UUID user, EventId after, int count) {
        List<Object> reply = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY, READ,
                RScript.ReturnType.LIST, List.of(key(user, "log"), key(user, "meta")),
                after.toString(), Integer.toString(count));
        EventId last = id(reply.get(1));
        if ("resync".equals(reply.get(0))) {
            return LogRead.resyncFrom(last);
        }
        List<LoggedEvent> events = new ArrayList<>((reply.size() - 2) / 3);
        for (int i = 2; i + 2 < reply.size(); i += 3) {
            events.add(new LoggedEvent(id(reply.get(i)), (String) reply.get(i + 1), (String) reply.get(i + 2)));
        }
        return new LogRead(false, last, events);
    }

    /** The newest id in the user's log, {@link EventId#ZERO} when there is none. */
    public EventId last(UUID user) {
        return read(user, EventId.ZERO, 0).last();
    }

    private String key(UUID user, String part) {
        return prefix + "{" + user + "}:" + part;
    }

    private static EventId id(Object text) {
        return EventId.parse((String) text)
                .orElseThrow(() -> new IllegalStateException("not a stream id in the replay log: " + text));
    }
}
