package io.nova.media.api;

/** One downloadable file of a media item: a presigned GET URL, valid until the view's {@code urls_expire_at}. */
public record RenditionView(String name, String url, String contentType, Integer width, Integer height,
                            long sizeBytes) {
}
