package io.nova.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs Maven on the project as a user would, in a child process, and keeps its output in target/. */
final class Maven {

    record Result(int exitCode, String output, Path log) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    static final Path ROOT = Path.of(System.getProperty("nova.root", "../..")).toAbsolutePath().normalize();

    private Maven() {
    }

    /**
     * @param name        names the log file under target/
     * @param environment variables to set (a null value removes the variable)
     */
    static Result run(String name, Map<String, String> environment, String... arguments) {
        String mavenHome = System.getProperty("maven.home");
        String executable = mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
        List<String> command = new ArrayList<>(List.of(executable, "-B", "-ntp"));
        command.addAll(List.of(arguments));
        Path log = Path.of("target", "maven-" + name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
