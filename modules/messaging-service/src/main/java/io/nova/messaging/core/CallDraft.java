package io.nova.messaging.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.messaging.api.StartCallRequest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A new call's request, checked: a conversation id, {@code audio} or {@code video}, and an SDP offer. A session
 * description is at most {@value #MAX_SDP_BYTES} bytes (a real one is a few KiB; more is abuse of the relay):
 * over that, 413 {@code sdp_too_large}. It must look like one ({@code v=} first), nothing more: the service
 * relays it and never reads it.
 */
public record CallDraft(UUID conversation, String kind, String sdp) {

    public static final int MAX_SDP_BYTES = 64 * 1024;
    private static final Set<String> KINDS = Set.of("audio", "video");

    public static CallDraft of(StartCallRequest request) {
        if (request.conversationId() == null) {
            throw Fields.invalid("conversation_id", "is required");
        }
        UUID conversation = Ids.param("conversation_id", request.conversationId());
        if (request.kind() == null || !KINDS.contains(request.kind())) {
            throw Fields.invalid("kind", "must be audio or video");
        }
        return new CallDraft(conversation, request.kind(), sdp(request.sdp()));
    }

    /** An offer or an answer, checked. */
    public static String sdp(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw Fields.invalid("sdp", "is required");
        }
        int bytes = sdp.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SDP_BYTES) {
            throw DomainException.of(ErrorKind.TOO_LARGE, "sdp_too_large",
                    "sdp is " + bytes + " bytes; a session description may have at most " + MAX_SDP_BYTES,
                    Map.of("field", "sdp", "limit_bytes", MAX_SDP_BYTES));
        }
        if (!sdp.startsWith("v=")) {
            throw Fields.invalid("sdp", "must be a session description (RFC 8866), starting with v=");
        }
        return sdp;
    }
}
