package io.nova.kernel.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nova.kernel.errors.DomainException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating endpoints: the first request with a key runs and its response is kept for
 * 24 h; a retry with the same key and the same body gets that response again (and creates nothing). The same key
 * with a different body is a 422; a retry while the first is still running is a 409. Keys are per caller.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(24);
    /** A request still running holds its key this long at most: a crashed one must not block retries for a day. */
    static final Duration PENDING = Duration.ofMinutes(2);
    private static final int MAX_KEY_LENGTH = 255;

    private final RedissonClient redis;
    private final ObjectMapper mapper;
    private final String service;
    private final KeySettler settler;

    public IdempotencyKeys(RedissonClient redis, ObjectMapper mapper, String service) {
        this.redis = redis;
        this.mapper = mapper;
        this.service = service;
        this.settler = new KeySettler(redis);
    }

    /**
     * @param operation what is being created (e.g. "POST /posts"): the same key on another endpoint is another key
     * @param caller  whose key it is (keys of different callers never meet)
     * @param key     the header value, or null when the client sent none
     * @param request the request body, to tell a retry from a different request under the same key
     * @param create  does the work and answers; runs at most once per key
     */
    public Response run(String operation, String caller, String key, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid("invalid_idempotency_key",
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        String fingerprint = sha256(json(request));
        String name = "nova:idempotency:" + service + ":" + caller + ":" + sha256(operation + "\n" + key);
        RBucket<String> bucket = redis.getBucket(name);
        // The marker names this request, so only this request's marker is ever replaced or removed by it.
        String pending = "{\"state\":\"pending\",\"fingerprint\":\"" + fingerprint + "\",\"request\":\""
                + UUID.randomUUID() + "\"}";
        boolean claimed;
        try {
            claimed = bucket.setIfAbsent(pending, PENDING);
        } catch (RedisException e) {
            // A SET that timed out here may still run when Redis wakes up: take the marker back then, or the key
            // would answer 409 to every retry for as long as the marker lives.
            settler.settleLater(name, pending, null, PENDING, PENDING);
            throw e;
        }
        if (!claimed) {
            return replay(bucket.get(), fingerprint);
        }
        Response response;
        try {
            response = create.get();
        } catch (RuntimeException e) {
            // Nothing was created: a retry with the same key should run again.
            settler.settle(name, pending, null, PENDING, PENDING);
            throw e;
        }
        if (response.getStatus() >= 500) {
            settler.settle(name, pending, null, PENDING, PENDING);
            return response;
        }
        ObjectNode done = mapper.createObjectNode();
        done.put("state", "done");
        done.put("fingerprint", fingerprint);
        done.put("status", response.getStatus());
        if (response.getLocation() != null) {
            done.put("location", response.getLocation().toString());
        }
        done.set("body", mapper.valueToTree(response.getEntity()));
        // The work is done and committed: the client gets its answer even when Redis cannot keep it right now (a
        // 503 here would invite a retry of something that happened); the record follows when Redis answers.
        settler.settle(name, pending, done.toString(), RETENTION, PENDING);
        return response;
    }

    private Response replay(String stored, String fingerprint) {
        if (stored == null) {
            throw DomainException.conflict("idempotency_key_in_use", "A request with this " + HEADER
                    + " has just finished; retry it");
        }
        JsonNode record;
        try {
            record = mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable idempotency record", e);
        }
        if (!fingerprint.equals(record.path("fingerprint").asText())) {
            throw DomainException.unprocessable("idempotency_key_reused",
                    "This " + HEADER + " was used for a different request");
        }
        if ("pending".equals(record.path("state").asText())) {
            throw DomainException.conflict("idempotency_key_in_use",
                    "A request with this " + HEADER + " is still being processed");
        }
        Response.ResponseBuilder response = Response.status(record.path("status").asInt())
                .header(REPLAYED_HEADER, "true")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(record.path("body").isMissingNode() || record.path("body").isNull()
                        ? null : record.path("body"));
        if (record.has("location")) {
            response.header("Location", record.path("location").asText());
        }
        return response.build();
    }

    private byte[] json(Object request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request is not serializable", e);
        }
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
