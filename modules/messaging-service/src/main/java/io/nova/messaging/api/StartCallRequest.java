package io.nova.messaging.api;

/** {@code POST /calls}: the conversation to call, {@code audio} or {@code video}, and the caller's SDP offer. */
public record StartCallRequest(String conversationId, String kind, String sdp) {
}
