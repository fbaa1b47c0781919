package io.nova.messaging.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One {@code RTCIceServer}: STUN URLs alone, or TURN URLs with their time-limited username and credential. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServerView(List<String> urls, String username, String credential) {
}
