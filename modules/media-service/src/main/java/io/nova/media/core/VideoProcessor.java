package io.nova.media.core;

import io.nova.kernel.storage.S3Storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Videos and reels. With ffmpeg: duration and dimensions probed, a JPEG thumbnail and an H.264 MP4 playback
 * rendition (within 1280×720, or 720×1280 upright). Without it: the original is the only rendition, nothing is
 * probed, and the note says so.
 */
public final class VideoProcessor {

    public static final String THUMBNAIL = "thumbnail";
    public static final String PLAYBACK = "playback";
    public static final String NO_FFMPEG_NOTE = "Video processing is not configured on this server (no ffmpeg): "
            + "the original is the only rendition, and duration and dimensions are unknown";

    private final Optional<Ffmpeg> ffmpeg;
    private final S3Storage storage;

    public VideoProcessor(Optional<Ffmpeg> ffmpeg, S3Storage storage) {
        this.ffmpeg = ffmpeg;
        this.storage = storage;
    }

    public boolean enabled() {
        return ffmpeg.isPresent();
    }

    /** The renditions it returns are files in {@code workDirectory}; the caller stores and then deletes them. */
    public ProcessedMedia process(String objectKey, Path workDirectory) throws UnprocessableMediaException {
        if (ffmpeg.isEmpty()) {
            return new ProcessedMedia(null, null, null, List.of(), NO_FFMPEG_NOTE);
        }
        Ffmpeg tools = ffmpeg.get();
        Path original = workDirectory.resolve("original");
        storage.download(objectKey, original);
        Ffmpeg.Probe probe = tools.probe(original);

        BoxFit.Size still = BoxFit.fit(probe.width(), probe.height(), ImageProcessor.THUMBNAIL_BOX,
                ImageProcessor.THUMBNAIL_BOX);
        Path thumbnail = workDirectory.resolve("thumbnail.jpg");
        // A frame a little in shows the content better than a fade-in's first one, when the video is long enough.
        double at = probe.durationMs() != null && probe.durationMs() >= 2_000 ? 1.0 : 0.0;
        tools.still(original, at, still.width(), still.height(), thumbnail);

        boolean upright = probe.height() > probe.width();
        BoxFit.Size play = upright ? BoxFit.fitEven(probe.width(), probe.height(), 720, 1280)
                : BoxFit.fitEven(probe.width(), probe.height(), 1280, 720);
        Path playback = workDirectory.resolve("playback.mp4");
        tools.playback(original, play.width(), play.height(), playback);

        return new ProcessedMedia(probe.width(), probe.height(), probe.durationMs(), List.of(
                ProcessedMedia.Rendition.onDisk(THUMBNAIL, "image/jpeg", "jpg", thumbnail, still.width(),
                        still.height()),
                ProcessedMedia.Rendition.onDisk(PLAYBACK, "video/mp4", "mp4", playback, play.width(),
                        play.height())), null);
    }

    /** A scratch directory for one video's files. */
    public static Path workDirectory() {
        try {
            return Files.createTempDirectory("nova-media");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteWorkDirectory(Path directory) {
        try (var files = Files.list(directory)) {
            files.forEach(Ffmpeg::deleteQuietly);
        } catch (IOException e) {
            // Best effort: the temp directory is the OS's to clean otherwise.
        }
        Ffmpeg.deleteQuietly(directory);
    }
}
