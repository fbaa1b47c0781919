package io.nova.messaging.api;

/**
 * {@code POST /notifications/read}: everything whose {@code latest_at} is at or before {@code up_to} (an RFC 3339
 * time, typically the {@code latest_at} of the newest entry the client showed) counts as read.
 */
public record NotificationsReadRequest(String upTo) {
}
