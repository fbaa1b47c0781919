package io.nova.messaging.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code POST /calls/{id}/candidates}: ICE candidates as the browser gives them ({@code RTCIceCandidate.toJSON()},
 * relayed unchanged); an empty list says the sender has no more.
 */
public record CandidatesRequest(List<JsonNode> candidates) {
}
