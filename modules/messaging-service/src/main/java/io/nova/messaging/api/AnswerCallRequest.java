package io.nova.messaging.api;

/** {@code POST /calls/{id}/answer}: the callee's SDP answer. */
public record AnswerCallRequest(String sdp) {
}
