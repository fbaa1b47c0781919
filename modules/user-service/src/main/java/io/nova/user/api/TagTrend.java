package io.nova.user.api;

/** An item of {@code GET /discover/tags}: a hashtag (lower case, without '#') and how many recent public posts used it. */
public record TagTrend(String tag, long posts) {
}
