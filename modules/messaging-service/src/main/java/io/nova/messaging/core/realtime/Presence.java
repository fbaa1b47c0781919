package io.nova.messaging.core.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nova.contracts.EventTypes;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which users have a socket open on any replica, and the messages handed to those sockets that no socket has sent
 * yet — so that a message to a user is always either sent on a socket or stored as a notification, however the
 * user's sockets come and go (the argument: docs/api-notifications.md, "Messages while offline").
 *
 * <p>Per user, beside the replay log (same hash tag):
 * <ul>
 *   <li>{@code presence} — a sorted set of the user's sockets, scored by when each stops counting (Redis's clock):
 *       a socket refreshes its entry every heartbeat, so a replica that dies stops counting after the TTL;</li>
 *   <li>{@code unseen} — message id → entry: messages that arrived while the user had a socket and that no
 *       socket has sent yet;</li>
 *   <li>{@code sent:<message id>} — a socket sent it, for a claim that comes after the send: kept an hour while no
 *       claim has come, then only for the claim's retries ({@link SentMarks#AFTER_CLAIM}).</li>
 * </ul>
 * Every step is one Lua script on both keys, so the steps of all replicas and consumers form one order.
 */
public final class Presence {

    private static final Logger LOG = LoggerFactory.getLogger(Presence.class);

    /** Redis's clock in milliseconds; entries whose time is up are dropped first. */
    private static final String NOW = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            """;

    /** A socket opens: {'alone', field, value, ...} when no other socket counted (entries left behind), else {}. */
    private static final String JOIN = NOW + """
            local before = redis.call('ZCARD', KEYS[1])
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            if before > 0 then return {} end
            return redis.call('HGETALL', KEYS[2])""";

    private static final String REFRESH = NOW + """
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""";

    /**
     * A socket closes: the unseen entries when it was the last one counting, else {}. First, the sends whose marks
     * are not written yet (message ids in ARGV[4..], their {@code sent:} keys in KEYS[3..]) are marked as
     * {@link SentMarks} marks them, so a mark still on its way cannot lose the race and leave a sent message to be
     * handed over.
     */
    private static final String LEAVE = NOW + """
            for i = 3, #KEYS do
              if redis.call('HDEL', KEYS[2], ARGV[i + 1]) == 1 then
                redis.call('SET', KEYS[i], '1', 'PX', ARGV[3])
              elseif redis.call('EXISTS', KEYS[i]) == 0 then
                redis.call('SET', KEYS[i], '1', 'PX', ARGV[2])
              end
            end
            redis.call('ZREM', KEYS[1], ARGV[1])
            if redis.call('ZCARD', KEYS[1]) > 0 then return {} end
            return redis.call('HGETALL', KEYS[2])""";

    /**
     * A message for the user: {'online'} when a socket already sent it (KEYS[3]: the consumer may come after the
     * fan-out) or, after recording it as unseen, when a socket counts; else {'offline', field, value, ...} with
     * whatever a vanished replica left unseen, for the caller to store with it. The claim the mark was kept for has
     * come: it stays only as long as a retry of this claim may still come (ARGV[3] ms).
     */
    private static final String CLAIM = NOW + """
            if redis.call('EXISTS', KEYS[3]) == 1 then
              redis.call('PEXPIRE', KEYS[3], ARGV[3])
              return {'online'}
            end
            if redis.call('ZCARD', KEYS[1]) > 0 then
              redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
              return {'online'}
            end
            local out = {'offline'}
            for _, item in ipairs(redis.call('HGETALL', KEYS[2])) do out[#out + 1] = item end
            return out""";

    private final RedissonClient redis;
    private final String prefix;
    private final Duration ttl;
    private final ObjectMapper mapper;
    private final SentMarks sent;

    /** @param ttl how long a socket counts after its last refresh (several heartbeat intervals) */
    public Presence(RedissonClient redis, String prefix, Duration ttl, ObjectMapper mapper) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
        this.mapper = mapper;
        this.sent = new SentMarks(redis, this::key);
    }

    /** The outcome of {@link #claim}: whether a socket counted, and unseen entries that have nobody to send them. */
    public record Claim(boolean online, Map<String, String> orphans) {
    }

    /**
     * A message {@code messageId} for {@code user}: recorded as unseen when a socket of theirs counts (a socket
     * sends it, or the last one to close hands it to {@link MissedMessages}); otherwise the caller stores it.
     */
    public Claim claim(UUID user, String messageId, String entry) {
        List<Object> reply = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, CLAIM,
                RScript.ReturnType.LIST, List.of(key(user, "presence"), key(user, "unseen"),
                        key(user, "sent:" + messageId)), messageId, entry,
                Long.toString(SentMarks.AFTER_CLAIM.toMillis()));
        if ("online".equals(reply.get(0))) {
            return new Claim(true, Map.of());
        }
        return new Claim(false, pairs(reply.subList(1, reply.size())));
    }

    /** Takes the entries away once their notifications are stored. */
    public void forget(UUID user, Collection<String> messageIds) {
        if (!messageIds.isEmpty()) {
            redis.getMap(key(user, "unseen"), StringCodec.INSTANCE).fastRemove(messageIds.toArray(String[]::new));
        }
    }

    void join(UUID user, String socket, MissedMessages missed) {
        handOver(user, pairs(eval(JOIN, user, socket, Long.toString(ttl.toMillis()))), missed);
    }

    /** Best effort: a refresh lost now is made by the next heartbeat, well within the TTL. */
    void refresh(UUID user, String socket) {
        redis.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, REFRESH,
                RScript.ReturnType.LONG, keys(user), socket, Long.toString(ttl.toMillis()));
    }

    void leave(UUID user, String socket, MissedMessages missed) {
        List<Object> keys = new ArrayList<>(keys(user));
        List<String> args = new ArrayList<>(List.of(socket, Long.toString(SentMarks.MEMORY.toMillis()),
                Long.toString(SentMarks.AFTER_CLAIM.toMillis())));
        for (String messageId : sent.unwritten(user)) {
            keys.add(key(user, "sent:" + messageId));
            args.add(messageId);
        }
        List<Object> reply = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, LEAVE,
                RScript.ReturnType.LIST, keys, args.toArray());
        handOver(user, pairs(reply), missed);
    }

    /**
     * What to do once a frame has been taken by the network: for {@code message.created}, take the message off
     * the user's unseen entries and remember it was sent (it reached a socket and needs no notification). Best
     * effort: if it is lost, the user gets a notification of a message they saw — never the opposite. Nothing for
     * the sender's own sockets: the sender is never claimed for (no notification of one's own message), so a mark
     * would only wait an hour for nothing.
     */
    Runnable afterSent(UUID user, LoggedEvent event) {
        if (!EventTypes.MESSAGE_CREATED.equals(event.type())) {
            return SendQueue.NOTHING;
        }
        JsonNode message;
        try {
            message = mapper.readTree(event.data());
        } catch (IOException e) {
            return SendQueue.NOTHING;
        }
        if (user.toString().equals(message.path("sender_id").asText(null))) {
            return SendQueue.NOTHING;
        }
        String messageId = message.path("id").asText("");
        return () -> sent.offer(user, messageId);
    }

    /** Stores entries nobody will send, then forgets them; if storing fails they stay for the next hand-over. */
    private void handOver(UUID user, Map<String, String> entries, MissedMessages missed) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            missed.store(user, entries.values());
            forget(user, entries.keySet());
        } catch (RuntimeException e) {
            LOG.warn("Could not store {} missed message(s) of {} yet; they stay until the next hand-over: {}",
                    entries.size(), user, e.toString());
        }
    }

    private List<Object> eval(String script, UUID user, String... args) {
        return redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script,
                RScript.ReturnType.LIST, keys(user), (Object[]) args);
    }

    private List<Object> keys(UUID user) {
        return List.of(key(user, "presence"), key(user, "unseen"));
    }

    private String key(UUID user, String part) {
        return prefix + "{" + user + "}:" + part;
    }

    private static Map<String, String> pairs(List<Object> flat) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            out.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return out;
    }
}
