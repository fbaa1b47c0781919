package io.nova.media.core;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The ffmpeg and ffprobe executables media-service carries as a dependency ({@code org.bytedeco:ffmpeg}, see the
 * module's pom), so that no system ffmpeg is needed on a developer's machine, in CI or in the image. They are
 * unpacked once per JVM to a cache under {@code java.io.tmpdir}: the only writable place in a pod, where the root
 * file system is read-only and /tmp is an emptyDir.
 */
final class BundledFfmpeg {

    private static final Logger LOG = LoggerFactory.getLogger(BundledFfmpeg.class);
    /** JavaCPP's cache directory; unless set on the command line it goes under java.io.tmpdir, not ~/.javacpp. */
    private static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";
    /**
     * The jar's directory is the platform plus the classifier's suffix: the gpl build (with libx264) is the one the
     * pom asks for; the LGPL one is looked for too, so that switching the classifier needs no code change.
     */
    private static final List<String> BUILDS = List.of("-gpl", "");
    /**
     * The jar ships libva as libva.so and libva-drm.so, but the ffmpeg libraries ask for them by soname. JavaCPP
     * makes these links only when it loads its JNI wrappers, which media-service has no use for: it runs the
     * executables, so nothing of ffmpeg is loaded into the JVM.
     */
    private static final Map<String, String> SONAME_LINKS = Map.of(
            "libva.so.2", "libva.so",
            "libva-drm.so.2", "libva-drm.so");

    /** The executables, and the environment they must run in. */
    record Binaries(Path ffmpeg, Path ffprobe, Map<String, String> environment) {
    }

    /** Null until the first call; then what it found, for the rest of the JVM's life. */
    private static Optional<Binaries> unpacked;

    private BundledFfmpeg() {
    }

    /** Unpacks the bundled binaries on the first call; empty (and logged) when they are missing or do not run. */
    static synchronized Optional<Binaries> unpack() {
        if (unpacked == null) {
            long start = System.nanoTime();
            unpacked = unpackAndCheck();
            unpacked.ifPresent(binaries -> LOG.info("Bundled ffmpeg ready in {} in {} ms",
                    binaries.ffmpeg().getParent(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
        }
        return unpacked;
    }

    private static Optional<Binaries> unpackAndCheck() {
        try {
            Optional<Path> directory = unpackDirectory();
            if (directory.isEmpty()) {
                LOG.warn("No bundled ffmpeg for platform {} on the class path", Loader.getPlatform());
                return Optional.empty();
            }
            Path dir = directory.get();
            Path ffmpeg = dir.resolve("ffmpeg");
            Path ffprobe = dir.resolve("ffprobe");
            // Zip entries carry no file modes.
            if (!ffmpeg.toFile().setExecutable(true) || !ffprobe.toFile().setExecutable(true)) {
                LOG.warn("Could not make the bundled ffmpeg in {} executable", dir);
                return Optional.empty();
            }
            linkSonames(dir);
            Binaries binaries = new Binaries(ffmpeg, ffprobe, Map.of("LD_LIBRARY_PATH", libraryPath(dir)));
            return runs(binaries) ? Optional.of(binaries) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not unpack the bundled ffmpeg", e);
            return Optional.empty();
        }
    }

    private static Optional<Path> unpackDirectory() throws IOException {
        if (System.getProperty(CACHE_DIR_PROPERTY) == null) {
            // Per user: a directory another user made in a shared /tmp would not be writable.
            System.setProperty(CACHE_DIR_PROPERTY, Path.of(System.getProperty("java.io.tmpdir"),
                    "nova-ffmpeg-" + System.getProperty("user.name")).toString());
        }
        for (String build : BUILDS) {
            String resource = "/org/bytedeco/ffmpeg/" + Loader.getPlatform() + build + "/";
            if (BundledFfmpeg.class.getResource(resource + "ffmpeg") != null) {
                File[] files = Loader.cacheResources(BundledFfmpeg.class, resource);
                if (files.length > 0) {
                    return Optional.of(files[0].toPath());
                }
            }
        }
        return Optional.empty();
    }

    private static void linkSonames(Path dir) throws IOException {
        for (Map.Entry<String, String> link : SONAME_LINKS.entrySet()) {
            Path name = dir.resolve(link.getKey());
            if (Files.exists(dir.resolve(link.getValue())) && !Files.exists(name, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createSymbolicLink(name, Path.of(link.getValue()));
                } catch (FileAlreadyExistsException e) {
                    // Another JVM sharing the cache made it first.
                }
            }
        }
    }

    /**
     * The executables find their own libraries (their RUNPATH is their directory), but those libraries find the
     * ones they need in turn (libva) only through LD_LIBRARY_PATH.
     */
    private static String libraryPath(Path dir) {
        String inherited = System.getenv("LD_LIBRARY_PATH");
        return inherited == null || inherited.isBlank() ? dir.toString()
                : dir + File.pathSeparator + inherited;
    }

    /**
     * Whether {@code ffmpeg -version} succeeds. The build links a few system libraries (libxcb, libasound, libpulse)
     * through libavdevice; where one is missing it cannot start, and its message names the library.
     */
    private static boolean runs(Binaries binaries) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(binaries.ffmpeg().toString(), "-hide_banner", "-version")
                .redirectErrorStream(true);
        builder.environment().putAll(binaries.environment());
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                LOG.warn("The bundled ffmpeg in {} does not run: {}", binaries.ffmpeg().getParent(), output.strip());
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            process.destroyForcibly();
        }
    }
}
