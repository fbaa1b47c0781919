package io.nova.media.core;

import java.nio.file.Path;
import java.util.List;

/**
 * What processing learned about an original and the renditions it made (files or bytes to store). Unknown values
 * are null; {@code note} says what could not be done.
 */
public record ProcessedMedia(Integer width, Integer height, Long durationMs, List<Rendition> renditions,
                             String note) {

    /** One file to store: either in memory ({@code bytes}) or on disk ({@code file}). */
    public record Rendition(String name, String contentType, String extension, byte[] bytes, Path file,
                            Integer width, Integer height) {

        public static Rendition inMemory(String name, String contentType, String extension, byte[] bytes,
                                         int width, int height) {
            return new Rendition(name, contentType, extension, bytes, null, width, height);
        }

        public static Rendition onDisk(String name, String contentType, String extension, Path file,
                                       Integer width, Integer height) {
            return new Rendition(name, contentType, extension, null, file, width, height);
        }
    }
}
