package io.nova.media.db;

/** A file made from a media item's original; width and height are null when unknown. */
public record RenditionRow(String name, String objectKey, String contentType, Integer width, Integer height,
                           long sizeBytes) {
}
