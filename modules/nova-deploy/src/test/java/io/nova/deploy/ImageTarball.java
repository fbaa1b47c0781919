package io.nova.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * An image tarball as Jib writes it ({@code docker load} format): manifest.json, the image config and one gzipped
 * tar per layer. Reads what a container runtime would see, and lays the layers out as a root file system.
 */
final class ImageTarball {

    /** One file system entry of a layer, as a runtime would create it. */
    record Entry(String path, int mode, long uid, long gid, boolean directory, boolean symlink, long size) {
        boolean readableByOthers() {
            return (mode & 0004) != 0;
        }

        boolean executableByOthers() {
            return (mode & 0001) != 0;
        }
    }

    private final List<Path> layers = new ArrayList<>();
    /** Every path of the image, the entry of the last layer that has it. */
    private final Map<String, Entry> files = new LinkedHashMap<>();
    private final JsonNode config;

    private ImageTarball(JsonNode config) {
        this.config = config;
    }

    /** Unpacks {@code tarball} into {@code workDir} and reads its manifest, config and layer listings. */
    static ImageTarball read(Path tarball, Path workDir) {
        try {
            untar(Files.newInputStream(tarball), workDir, false);
            ObjectMapper json = new ObjectMapper();
            JsonNode manifest = json.readTree(workDir.resolve("manifest.json").toFile()).get(0);
            ImageTarball image = new ImageTarball(
                    json.readTree(workDir.resolve(manifest.get("Config").asText()).toFile()));
            for (JsonNode layer : manifest.get("Layers")) {
                Path file = workDir.resolve(layer.asText());
                image.layers.add(file);
                for (Entry entry : list(file)) {
                    image.files.put(entry.path(), entry);
                }
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "config" object of the image config: User, Entrypoint, Cmd, Env, WorkingDir. */
    JsonNode runConfig() {
        return config.get("config");
    }

    JsonNode imageConfig() {
        return config;
    }

    int layerCount() {
        return layers.size();
    }

    Map<String, Entry> files() {
        return files;
    }

    /** Applies the layers in order under {@code rootfs}, with the modes they record (we run as root: owner 0:0). */
    void extractTo(Path rootfs) {
        try {
            Files.createDirectories(rootfs);
            for (Path layer : layers) {
                untar(new GZIPInputStream(Files.newInputStream(layer)), rootfs, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Entry> list(Path layer) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(layer)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.add(new Entry(normalize(entry.getName()), entry.getMode() & 07777, entry.getLongUserId(),
                        entry.getLongGroupId(), entry.isDirectory(), entry.isSymbolicLink(), entry.getSize()));
            }
        }
        return entries;
    }

    private static void untar(InputStream in, Path into, boolean keepModes) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                // Entry paths are absolute inside the image; resolve them under the directory.
                Path target = into.resolve(normalize(entry.getName()).substring(1)).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("layer entry outside the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    continue;
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (keepModes) {
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
    }

    private static String normalize(String name) {
        String path = name.startsWith("./") ? name.substring(1) : name;
        path = path.startsWith("/") ? path : "/" + path;
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }
}
