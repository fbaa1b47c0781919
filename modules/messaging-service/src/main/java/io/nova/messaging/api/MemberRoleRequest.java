package io.nova.messaging.api;

/** {@code PATCH /conversations/{id}/members/{userId}}: {@code owner}, {@code admin} or {@code member}. */
public record MemberRoleRequest(String role) {
}
