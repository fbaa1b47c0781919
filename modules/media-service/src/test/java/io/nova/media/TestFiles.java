package io.nova.media;

import io.nova.media.core.Ffmpeg;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real files to upload: pictures drawn here, videos made by ffmpeg from its test source. The ffmpeg is the one
 * media-service itself finds with its default setting (auto): the build it carries, so no system ffmpeg is needed.
 */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] image(String format, int width, int height) {
        int type = format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("not a decodable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A WebP picture made by ffmpeg (the JDK cannot write WebP). */
    static byte[] webp(int width, int height) {
        return ffmpegOutput(".webp", "-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=1",
                "-frames:v", "1", "-c:v", "libwebp");
    }

    /** An H.264 MP4 of ffmpeg's test pattern with a tone, {@code seconds} long. */
    static byte[] mp4(int width, int height, int seconds) {
        return ffmpegOutput(".mp4", "-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", Integer.toString(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /** A VP9 WebM of the test pattern (no sound). */
    static byte[] webm(int width, int height, int seconds) {
        return ffmpegOutput(".webm", "-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=25",
                "-t", Integer.toString(seconds), "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8");
    }

    /** A QuickTime movie (H.264) of the test pattern. */
    static byte[] mov(int width, int height, int seconds) {
        return ffmpegOutput(".mov", "-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=25",
                "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }

    /** Located on each use: cheap, since the bundled build is unpacked only once per JVM. */
    private static Ffmpeg ffmpeg() {
        return Ffmpeg.locate("auto", Duration.ofMinutes(1)).orElseThrow(() -> new IllegalStateException(
                "no ffmpeg for the media tests: the bundled one does not run here (see the log) and none is on PATH"));
    }

    private static byte[] ffmpegOutput(String suffix, String... arguments) {
        try {
            Path out = Files.createTempFile("media-test", suffix);
            try {
                List<String> command = new ArrayList<>(List.of("-v", "error", "-nostdin", "-y"));
                command.addAll(List.of(arguments));
                command.add(out.toString());
                Process process = ffmpeg().ffmpegCommand(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("ffmpeg failed: " + output);
                }
                return Files.readAllBytes(out);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
