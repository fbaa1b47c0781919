package io.nova.user.api;

import java.time.Instant;

/** Payload of the {@code user.registered} event: public facts only (no email, no hash). */
public record UserRegistered(String id, String username, Instant createdAt) {
}
