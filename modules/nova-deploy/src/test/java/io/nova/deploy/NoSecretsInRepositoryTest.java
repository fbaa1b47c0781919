package io.nova.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets reach the manifests from the environment; none is written in the sources. */
class NoSecretsInRepositoryTest {

    // Built from parts so that this file does not match itself.
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*" + "PRIVATE KEY-----");
    private static final Pattern AWS_ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");

    @Test
    void noPrivateKeyOrCloudCredentialInTheSources() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sourceFiles()) {
            String text = read(file);
            if (text != null && (PRIVATE_KEY.matcher(text).find() || AWS_ACCESS_KEY.matcher(text).find())) {
                offenders.add(Maven.ROOT.relativize(file).toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theProdProfileHoldsNoSecretValue() throws IOException {
        Properties prod = new Properties();
        try (var in = Files.newInputStream(Maven.ROOT.resolve("profiles/prod/nova.properties"))) {
            prod.load(in);
        }
        for (String name : prod.stringPropertyNames()) {
            if (name.startsWith("nova.secret.")) {
                assertThat(name).as("only the optional, non-secret S3 endpoint may be set")
                        .isEqualTo("nova.secret.S3_ENDPOINT");
                assertThat(prod.getProperty(name)).isEmpty();
            }
        }
        String pom = Files.readString(Maven.ROOT.resolve("pom.xml"));
        for (String variable : Expected.SECRETS_FROM_ENVIRONMENT) {
            assertThat(pom).contains("<nova.secret." + variable + ">${env." + variable + "}</nova.secret." + variable + ">");
        }
    }

    private static List<Path> sourceFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Maven.ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String relative = Maven.ROOT.relativize(file).toString();
                        return !relative.startsWith(".git/") && !relative.contains("/target/")
                                && !relative.startsWith("target/") && !relative.startsWith(".nova/");
                    })
                    .toList();
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return null;
        }
    }
}
