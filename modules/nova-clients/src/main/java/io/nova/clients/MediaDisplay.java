package io.nova.clients;

import io.nova.proto.media.v1.Media;
import io.nova.proto.media.v1.Rendition;

import java.util.Locale;

/**
 * What a client shows of one media item: its type ({@code image}, {@code video}, {@code reel}), the URL to display
 * (images their medium rendition, videos their playback one, each falling back to the original) and a thumbnail.
 * URLs are presigned and short-lived.
 */
public record MediaDisplay(String id, String type, String url, String thumbnailUrl) {

    public static MediaDisplay of(Media item) {
        String type = item.getType().name().replace("MEDIA_TYPE_", "").toLowerCase(Locale.ROOT);
        String original = url(item, "original");
        String display = url(item, "medium");
        if (display == null) {
            display = url(item, "playback");
        }
        return new MediaDisplay(item.getId(), type, display != null ? display : original, url(item, "thumbnail"));
    }

    private static String url(Media item, String name) {
        for (Rendition rendition : item.getRenditionsList()) {
            if (rendition.getName().equals(name)) {
                return rendition.getUrl();
            }
        }
        return null;
    }
}
