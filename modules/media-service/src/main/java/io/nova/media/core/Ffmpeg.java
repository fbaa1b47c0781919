package io.nova.media.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The ffmpeg and ffprobe binaries: probing a video and making renditions, each run bounded by a timeout. */
public final class Ffmpeg {

    private static final Logger LOG = LoggerFactory.getLogger(Ffmpeg.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough of ffmpeg's stderr to log why it failed. */
    private static final int ERROR_TAIL = 2_000;

    /** What ffprobe found: the first video stream's size and the container's duration (null when unknown). */
    public record Probe(int width, int height, Long durationMs) {
    }

    private final Path ffmpeg;
    private final Path ffprobe;
    private final Duration timeout;
    /** Added to the environment of every run: the bundled build finds its libraries through it. */
    private final Map<String, String> environment;

    Ffmpeg(Path ffmpeg, Path ffprobe, Duration timeout, Map<String, String> environment) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.timeout = timeout;
        this.environment = Map.copyOf(environment);
    }

    /**
     * {@code auto}: the ffmpeg and ffprobe media-service carries ({@link BundledFfmpeg}), else, when those cannot
     * be unpacked or do not run here, the ones on PATH; {@code none} or empty: none; otherwise the ffmpeg binary's
     * path with ffprobe beside it (else on PATH). Empty when they are not both there.
     */
    public static Optional<Ffmpeg> locate(String configured, Duration timeout) {
        String setting = configured == null ? "" : configured.strip();
        if (setting.isEmpty() || setting.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        if (setting.equalsIgnoreCase("auto")) {
            Optional<BundledFfmpeg.Binaries> bundled = BundledFfmpeg.unpack();
            if (bundled.isPresent()) {
                return Optional.of(new Ffmpeg(bundled.get().ffmpeg(), bundled.get().ffprobe(), timeout,
                        bundled.get().environment()));
            }
            LOG.warn("The bundled ffmpeg cannot be used here (see above): looking for ffmpeg on PATH");
        }
        Optional<Path> ffmpeg = setting.equalsIgnoreCase("auto") ? onPath("ffmpeg")
                : Optional.of(Path.of(setting)).filter(Files::isExecutable);
        if (ffmpeg.isEmpty()) {
            if (!setting.equalsIgnoreCase("auto")) {
                LOG.warn("FFMPEG_PATH {} is not an executable file: videos get no renditions", setting);
            }
            return Optional.empty();
        }
        Optional<Path> ffprobe = Optional.ofNullable(ffmpeg.get().resolveSibling("ffprobe"))
                .filter(Files::isExecutable).or(() -> onPath("ffprobe"));
        if (ffprobe.isEmpty()) {
            LOG.warn("ffmpeg found at {} but no ffprobe beside it or on PATH: videos get no renditions", ffmpeg.get());
            return Optional.empty();
        }
        return Optional.of(new Ffmpeg(ffmpeg.get(), ffprobe.get(), timeout, Map.of()));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isBlank()) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public Probe probe(Path video) throws UnprocessableMediaException {
        String output = run(List.of(ffprobe.toString(), "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", video.toString()), "read the video");
        try {
            JsonNode root = JSON.readTree(output);
            for (JsonNode stream : root.path("streams")) {
                if ("video".equals(stream.path("codec_type").asText())
                        && stream.path("width").asInt() > 0 && stream.path("height").asInt() > 0) {
                    int width = stream.path("width").asInt();
                    int height = stream.path("height").asInt();
                    // Phones store portrait video as landscape frames plus a rotation.
                    if (Math.abs(rotation(stream)) % 180 == 90) {
                        int turned = width;
                        width = height;
                        height = turned;
                    }
                    return new Probe(width, height, durationMs(root.path("format").path("duration").asText("")));
                }
            }
        } catch (IOException e) {
            throw new UnprocessableMediaException("The video could not be read");
        }
        throw new UnprocessableMediaException("The file has no video stream");
    }

    /** A JPEG still from {@code atSeconds} into the video, scaled to {@code width}×{@code height}. */
    public void still(Path video, double atSeconds, int width, int height, Path target)
            throws UnprocessableMediaException {
        run(List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-y", "-ss", seconds(atSeconds), "-i",
                video.toString(), "-frames:v", "1", "-vf", "scale=" + width + ":" + height, "-q:v", "3",
                target.toString()), "take a still from the video");
    }

    /** H.264/AAC MP4 at {@code width}×{@code height}, its index first so playback starts before it is all loaded. */
    public void playback(Path video, int width, int height, Path target) throws UnprocessableMediaException {
        run(List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-y", "-i", video.toString(),
                "-map", "0:v:0", "-map", "0:a:0?", "-vf", "scale=" + width + ":" + height,
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", "-f", "mp4", target.toString()),
                "convert the video");
    }

    /**
     * A process running this ffmpeg with {@code arguments}, in the environment it needs; for callers that need an
     * ffmpeg run of their own (the tests make their sample videos with it).
     */
    public ProcessBuilder ffmpegCommand(List<String> arguments) {
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(ffmpeg.toString());
        command.addAll(arguments);
        return processBuilder(command);
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder;
    }

    /** Runs a command to completion within the timeout; its stdout, or an unprocessable-media failure. */
    private String run(List<String> command, String what) throws UnprocessableMediaException {
        Path stdout = null;
        Path stderr = null;
        Process process = null;
        try {
            stdout = Files.createTempFile("nova-ffmpeg", ".out");
            stderr = Files.createTempFile("nova-ffmpeg", ".err");
            process = processBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new UnprocessableMediaException("Could not " + what + " within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                LOG.info("{} exited with {} trying to {}: {}", command.get(0), process.exitValue(), what,
                        tail(stderr));
                throw new UnprocessableMediaException("Could not " + what + ": the file is damaged or its format "
                        + "is not supported");
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static int rotation(JsonNode stream) {
        for (JsonNode side : stream.path("side_data_list")) {
            if (side.has("rotation")) {
                return side.path("rotation").asInt();
            }
        }
        return stream.path("tags").path("rotate").asInt(0);
    }

    private static Long durationMs(String seconds) {
        try {
            return Math.round(Double.parseDouble(seconds) * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() <= ERROR_TAIL ? text.strip() : text.substring(text.length() - ERROR_TAIL).strip();
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("could not delete {}", file, e);
            }
        }
    }

    /** For the log line at start. */
    @Override
    public String toString() {
        return "ffmpeg " + ffmpeg + ", ffprobe " + ffprobe;
    }
}
