package io.nova.kernel.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URL;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our per-request signatures are exactly what the SDK's S3Presigner gives for the same request in the same second:
 * for a local path-style endpoint and for AWS's own virtual-hosted endpoints, with keys that need encoding.
 * Presigning is offline, so no server is needed; S3StorageTest checks that a real S3 server accepts them.
 */
class ObjectUrlSignerTest {

    private static final String KEY = "media/u1/a photo+ümlaut~(1).jpg";

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("path-style local endpoint", "http://127.0.0.1:9000", "us-east-1", true),
                Arguments.of("AWS, virtual-hosted", "", "eu-central-1", false),
                Arguments.of("AWS, path-style", "", "us-west-2", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void downloadUrlsAreThePresignersOwn(String name, String endpoint, String region, boolean pathStyle) {
        S3Config config = config(endpoint, region, pathStyle);
        S3Storage storage = new S3Storage(config);
        try (S3Presigner presigner = presigner(config)) {
            URL[] ours = new URL[1];
            URL theirs = inOneSecond(
                    () -> presigner.presignGetObject(request -> request.signatureDuration(Duration.ofMinutes(7))
                            .getObjectRequest(get -> get.bucket(config.getBucket()).key(KEY))).url(),
                    () -> ours[0] = storage.presignDownload(KEY, Duration.ofMinutes(7)));
            assertThat(ours[0].toString()).isEqualTo(theirs.toString());
        } finally {
            storage.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void uploadUrlsAndSignedHeadersAreThePresignersOwn(String name, String endpoint, String region,
                                                       boolean pathStyle) {
        S3Config config = config(endpoint, region, pathStyle);
        S3Storage storage = new S3Storage(config);
        try (S3Presigner presigner = presigner(config)) {
            S3Storage.PresignedUpload[] ours = new S3Storage.PresignedUpload[1];
            PresignedPutObjectRequest[] theirs = new PresignedPutObjectRequest[1];
            inOneSecond(() -> {
                theirs[0] = presigner.presignPutObject(request -> request.signatureDuration(Duration.ofMinutes(15))
                        .putObjectRequest(put -> put.bucket(config.getBucket()).key(KEY)
                                .contentType("image/jpeg").contentLength(12_345L)));
                return theirs[0].url();
            }, () -> ours[0] = storage.presignUpload(KEY, "image/jpeg", 12_345L, Duration.ofMinutes(15)));
            assertThat(ours[0].url().toString()).isEqualTo(theirs[0].url().toString());
            assertThat(ours[0].headers()).isEqualTo(theirs[0].signedHeaders());
            // S3 counts X-Amz-Expires from X-Amz-Date, a whole second; the presigner reports its unrounded clock.
            assertThat(ours[0].expiresAt()).isEqualTo(theirs[0].expiration().truncatedTo(ChronoUnit.SECONDS));
        } finally {
            storage.stop();
        }
    }

    /** Credentials of a role (IRSA in a cluster) carry a session token, which is signed as a query parameter. */
    @Test
    void sessionCredentialsSignTheirToken() {
        S3Config config = config("", "eu-west-1", false);
        StaticCredentialsProvider session = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                config.getAccessKeyId(), config.getSecretAccessKey(), "FwoGZXIvYXdzE+token/with=specials"));
        try (S3Presigner presigner = S3Presigner.builder().region(Region.of(config.getRegion()))
                .credentialsProvider(session).build()) {
            ObjectUrlSigner signer = new ObjectUrlSigner(presigner, config.getBucket(), session, config.getRegion(),
                    java.time.Clock.systemUTC());
            URL[] ours = new URL[1];
            URL theirs = inOneSecond(
                    () -> presigner.presignPutObject(request -> request.signatureDuration(Duration.ofMinutes(15))
                            .putObjectRequest(put -> put.bucket(config.getBucket()).key(KEY)
                                    .contentType("video/mp4").contentLength(99L))).url(),
                    () -> ours[0] = signer.sign("PUT", KEY, java.util.Map.of("Content-Type", "video/mp4",
                            "Content-Length", "99"), Duration.ofMinutes(15)).url());
            assertThat(ours[0].toString()).isEqualTo(theirs.toString()).contains("X-Amz-Security-Token=");
        }
    }

    /**
     * Runs {@code ours} between two presigner calls until both presigner URLs carry the same X-Amz-Date, so all
     * three were signed in one second; answers the first presigner URL.
     */
    private static URL inOneSecond(Supplier<URL> presigner, Runnable ours) {
        for (int attempt = 0; attempt < 5; attempt++) {
            URL before = presigner.get();
            ours.run();
            URL after = presigner.get();
            if (amzDate(before).equals(amzDate(after))) {
                return before;
            }
        }
        throw new AssertionError("could not sign within one second five times");
    }

    private static String amzDate(URL url) {
        return url.getQuery().replaceFirst(".*X-Amz-Date=([^&]+).*", "$1");
    }

    private static S3Config config(String endpoint, String region, boolean pathStyle) {
        S3Config config = new S3Config();
        config.setEndpoint(endpoint);
        config.setRegion(region);
        config.setBucket("nova-media-test");
        config.setAccessKeyId("AKIDEXAMPLE");
        config.setSecretAccessKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        config.setPathStyle(pathStyle);
        return config;
    }

    private static S3Presigner presigner(S3Config config) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(config.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.getAccessKeyId(), config.getSecretAccessKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.isPathStyle()).build());
        if (!config.getEndpoint().isBlank()) {
            builder.endpointOverride(java.net.URI.create(config.getEndpoint()));
        }
        return builder.build();
    }
}
