package io.nova.messaging.api;

/** The data of {@code notification.deleted}: an entry whose every contribution was taken back. */
public record NotificationRemoved(String id) {
}
