package io.nova.clients.posts;

/** A post's image or video: presigned, short-lived URLs from media-service. */
public record MediaView(String id, String type, String url, String thumbnailUrl) {
}
