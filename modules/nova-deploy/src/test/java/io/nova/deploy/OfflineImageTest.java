package io.nova.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline image of docs/images.md, for user-service: {@code k8s:build} with the jib strategy FROM scratch (the
 * {@code offline-image} profile), which needs no registry. The tarball is then used the way a container runtime
 * would: its layers become a read-only root file system and its entrypoint runs as its user.
 */
class OfflineImageTest {

    private static final Path SERVICE = Maven.ROOT.resolve("modules/user-service");
    private static final Path JAR = SERVICE.resolve("target/user-service.jar");
    /** JKube's jib build writes target/docker/<repository>/<name>/<tag>/tmp/; dev's image is nova/user-service:dev-latest. */
    private static final Path IMAGE_DIR = SERVICE.resolve("target/docker/nova/user-service/dev-latest");
    private static final Path TARBALL = IMAGE_DIR.resolve("tmp/jib-image.linux-amd64.tar");
    private static final Path WORK = Path.of("target", "offline-image-test").toAbsolutePath();
    private static final List<String> ENTRYPOINT = List.of("/opt/jre/bin/java", "-jar", "/deployments/user-service.jar");

    private static Maven.Result build;
    private static ImageTarball image;
    private static Path rootfs;

    @BeforeAll
    static void buildTheImage() {
        assertThat(JAR).as("user-service's fat jar; the reactor packages it before nova-deploy").isRegularFile();
        deleteRecursively(IMAGE_DIR);
        deleteRecursively(WORK);

        // The command docs/images.md gives for rebuilding an image from a packaged jar. -am because Maven 3.8 finds
        // nova-kernel only in the reactor (`mvn verify` installs nothing); process-classes so that it compiles
        // nothing new and does not run the tests the reactor has just run, and k8s:build takes the jar we check.
        build = Maven.run("offline-image", Map.of(),
                "-Pdev,offline-image", "-pl", "modules/user-service", "-am", "process-classes", "k8s:build");
        assertThat(build.succeeded()).as("k8s:build -Poffline-image; see %s", build.log()).isTrue();
        assertThat(TARBALL).as("the jib image tarball; see %s", build.log()).isRegularFile();

        image = ImageTarball.read(TARBALL, WORK.resolve("tarball"));
        rootfs = WORK.resolve("rootfs");
        image.extractTo(rootfs);
    }

    @Test
    void jibBuildsFromScratchWithoutARegistry() {
        assertThat(build.output()).contains("JIB image build started", "Getting scratch base image");
        // Only our three layers: nothing was pulled.
        assertThat(image.imageConfig().get("history").findValuesAsText("comment"))
                .containsExactly("native", "jre", "app");
        assertThat(image.layerCount()).isEqualTo(3);
        assertThat(image.imageConfig().get("architecture").asText()).isEqualTo("amd64");
    }

    @Test
    void runsTheAppJarWithTheJlinkedJre() {
        assertThat(strings(image.runConfig().get("Entrypoint"))).isEqualTo(ENTRYPOINT);
        assertThat(image.files().get("/deployments/user-service.jar").size()).isEqualTo(size(JAR));
        assertThat(image.files()).containsKeys("/opt/jre/lib/modules", "/opt/jre/lib/server/libjvm.so",
                "/opt/jre/lib/security/cacerts");
        assertThat(image.files().get("/opt/jre/bin/java").executableByOthers()).isTrue();
        // scratch has no libc: the image brings the dynamic loader and the C libraries the JRE links against.
        assertThat(image.files()).containsKeys("/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/libc.so.6",
                "/lib/x86_64-linux-gnu/libz.so.1");
    }

    @Test
    void runsAsUid1000WhoCanReadEveryFile() throws IOException {
        assertThat(image.runConfig().get("User").asText()).isEqualTo("1000:1000");
        assertThat(Files.readAllLines(rootfs.resolve("etc/passwd"))).contains("nova:x:1000:1000:nova:/tmp:/sbin/nologin");
        for (ImageTarball.Entry entry : image.files().values()) {
            assertThat(entry.uid()).as("owner of %s", entry.path()).isZero();
            assertThat(entry.readableByOthers()).as("%s readable by uid 1000", entry.path()).isTrue();
            assertThat(entry.mode() & 06000).as("setuid/setgid on %s", entry.path()).isZero();
            if (entry.directory()) {
                assertThat(entry.executableByOthers()).as("%s searchable by uid 1000", entry.path()).isTrue();
            }
            if (!entry.path().equals("/tmp")) {
                assertThat(entry.mode() & 0002).as("%s writable by everyone", entry.path()).isZero();
            }
        }
    }

    @Test
    void theEntrypointChecksTheConfiguration() throws Exception {
        Process check = runInContainer(Map.of(), "check");
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("check finished; see %s", log("check")).isTrue();
        String output = Files.readString(log("check"));
        assertThat(check.exitValue()).as("exit code of `check`:%n%s", output).isZero();
        assertThat(output).contains("Configuration is OK");
    }

    @Test
    @ExtendWith(NovaPlatformExtension.class)
    void theEntrypointServesAsUid1000OnAReadOnlyRootFileSystem(TestPlatform platform) throws Exception {
        int http = freePort();
        // The service needs its PostgreSQL, Redis and Kafka: the test's real ones, on this host's loopback.
        Map<String, String> env = new LinkedHashMap<>(platform.environment());
        env.put("HTTP_PORT", String.valueOf(http));
        env.put("GRPC_PORT", String.valueOf(freePort()));
        env.put("ADMIN_PORT", String.valueOf(freePort()));
        Process server = runInContainer(env);
        try {
            HttpResponse<String> health = awaitHealth(server, http);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "user-service");
            // The process we started IS the JVM (unshare, sh, env and chroot exec each other).
            assertThat(Files.readAllLines(Path.of("/proc", String.valueOf(server.pid()), "status")))
                    .anyMatch(line -> line.matches("Uid:\\s+1000\\s+1000\\s+1000\\s+1000"))
                    .anyMatch(line -> line.matches("Gid:\\s+1000\\s+1000\\s+1000\\s+1000"));
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs the image's entrypoint the way a container runtime would: in a mount namespace of its own, with the
     * layers as a read-only root, /proc, the host's /dev and an empty tmpfs on /tmp (the Deployment's emptyDir),
     * only the image's environment plus {@code env}, and the image's user. The mounts vanish with the process.
     */
    private static Process runInContainer(Map<String, String> env, String... arguments) throws IOException {
        for (String mountPoint : List.of("proc", "dev")) {
            Files.createDirectories(rootfs.resolve(mountPoint));  // a runtime creates them too
        }
        String setUp = String.join("\n",
                "set -e",
                "root=$1",
                "shift",
                "mount --bind \"$root\" \"$root\"",
                "mount -o remount,bind,ro \"$root\"",
                "mount -t proc proc \"$root/proc\"",
                "mount --bind /dev \"$root/dev\"",
                "mount -t tmpfs -o mode=1777 tmpfs \"$root/tmp\"",
                "exec env -i \"$@\"");
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : strings(image.runConfig().get("Env"))) {
            environment.put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }
        environment.putAll(env);

        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "sh", "-c", setUp, "sh", rootfs.toString()));
        environment.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of(hostTool("chroot"), "--userspec=" + image.runConfig().get("User").asText(), rootfs.toString()));
        command.addAll(strings(image.runConfig().get("Entrypoint")));
        command.addAll(List.of(arguments));

        String name = arguments.length == 0 ? "server" : arguments[0];
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile())
                .start();
    }

    private static HttpResponse<String> awaitHealth(Process server, int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            assertThat(server.isAlive()).as("the server is running; see %s", log("server")).isTrue();
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException notYet) {
                assertThat(System.nanoTime()).as("health answered within 60 s; see %s", log("server")).isLessThan(deadline);
                Thread.sleep(250);
            }
        }
    }

    private static Path log(String name) {
        return WORK.resolve(name + ".log");
    }

    /** chroot lives in /usr/sbin, which a non-login PATH may lack. */
    private static String hostTool(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(name + " is not installed"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
