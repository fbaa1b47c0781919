package io.nova.messaging.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.messaging.api.CandidatesRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A batch of ICE candidates to relay, checked: a list (empty = end of candidates) of at most {@value #MAX_BATCH}
 * JSON objects ({@code RTCIceCandidate.toJSON()}), each at most {@value #MAX_CANDIDATE_BYTES} bytes as JSON. The
 * service does not read them; the bounds keep the relay from carrying anything else.
 */
public record CandidateBatch(List<JsonNode> candidates) {

    public static final int MAX_BATCH = 50;
    public static final int MAX_CANDIDATE_BYTES = 1024;

    public static CandidateBatch of(CandidatesRequest request) {
        List<JsonNode> given = request.candidates();
        if (given == null) {
            throw Fields.invalid("candidates", "is required (an empty list says there are no more)");
        }
        if (given.size() > MAX_BATCH) {
            throw Fields.invalid("candidates", "at most " + MAX_BATCH + " per batch, got " + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            JsonNode candidate = given.get(i);
            String field = "candidates[" + i + "]";
            if (candidate == null || !candidate.isObject()) {
                throw Fields.invalid(field, "must be an object (RTCIceCandidateInit)");
            }
            int bytes = candidate.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_CANDIDATE_BYTES) {
                throw Fields.invalid(field, "is " + bytes + " bytes as JSON; at most " + MAX_CANDIDATE_BYTES);
            }
        }
        return new CandidateBatch(List.copyOf(given));
    }

    public boolean endOfCandidates() {
        return candidates.isEmpty();
    }
}
