package io.nova.user.api;

/** Payload of the {@code user.registered} event: public facts only (no email, no hash). */
public record UserRegistered(String id, String username, String createdAt) {
}
