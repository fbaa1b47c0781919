package io.nova.kernel.storage;

import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Presigned upload and download against a real S3 server, and HEAD to verify what was uploaded. */
@ExtendWith(NovaPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3StorageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private S3Storage storage;

    @BeforeAll
    void start(TestPlatform platform) {
        S3Config config = new S3Config();
        config.setEndpoint(platform.s3Endpoint());
        config.setRegion(platform.s3Region());
        config.setBucket(platform.bucket());
        config.setAccessKeyId(platform.s3AccessKey());
        config.setSecretAccessKey(platform.s3SecretKey());
        storage = new S3Storage(config);
    }

    @AfterAll
    void stop() {
        storage.stop();
    }

    private HttpResponse<byte[]> upload(S3Storage.PresignedUpload upload, byte[] body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(upload.url().toURI())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.setHeader("Content-Type", contentType);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPresignedUploadStoresWhatTheClientSentAndHeadVerifiesIt() throws Exception {
        byte[] photo = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(photo);
        S3Storage.PresignedUpload upload = storage.presignUpload("uploads/u1/photo.jpg", "image/jpeg", photo.length,
                Duration.ofMinutes(5));
        assertThat(upload.expiresAt()).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
        assertThat(upload.url().getQuery()).contains("X-Amz-Signature");

        assertThat(upload(upload, photo, "image/jpeg").statusCode()).isEqualTo(200);

        assertThat(storage.head("uploads/u1/photo.jpg")).hasValueSatisfying(object -> {
            assertThat(object.sizeBytes()).isEqualTo(photo.length);
            assertThat(object.contentType()).isEqualTo("image/jpeg");
        });
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(
                storage.presignDownload("uploads/u1/photo.jpg", Duration.ofMinutes(5)).toURI()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
    }

    @Test
    void keysThatNeedEncodingRoundTrip() throws Exception {
        String key = "uploads/u1/a photo+ümlaut~(1).png";
        byte[] body = {9, 8, 7, 6};
        S3Storage.PresignedUpload upload = storage.presignUpload(key, "image/png", body.length, Duration.ofMinutes(5));
        assertThat(upload(upload, body, "image/png").statusCode()).isEqualTo(200);
        assertThat(storage.head(key)).hasValueSatisfying(object -> assertThat(object.sizeBytes()).isEqualTo(4));
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(
                storage.presignDownload(key, Duration.ofMinutes(5)).toURI()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(body);
    }

    @Test
    void aTamperedSignatureIsRefusedAndNothingIsStored() throws Exception {
        S3Storage.PresignedUpload upload = storage.presignUpload("uploads/u1/other.jpg", "image/jpeg", 3,
                Duration.ofMinutes(5));
        String tampered = upload.url().toString().replace("uploads/u1/other.jpg", "uploads/u2/other.jpg");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tampered))
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(storage.head("uploads/u2/other.jpg")).isEmpty();
    }

    @Test
    void anExpiredUploadUrlIsRefused() throws Exception {
        S3Storage.PresignedUpload upload = storage.presignUpload("uploads/u1/late.jpg", "image/jpeg", 3,
                Duration.ofSeconds(1));
        Thread.sleep(2_100);
        assertThat(upload(upload, new byte[] {1, 2, 3}, "image/jpeg").statusCode()).isEqualTo(403);
        assertThat(storage.head("uploads/u1/late.jpg")).isEmpty();
    }

    @Test
    void aBodyOfAnotherLengthThanSignedIsRefused() throws Exception {
        S3Storage.PresignedUpload upload = storage.presignUpload("uploads/u1/short.jpg", "image/jpeg", 10,
                Duration.ofMinutes(5));
        assertThat(upload(upload, new byte[] {1, 2, 3}, "image/jpeg").statusCode()).isEqualTo(403);
        assertThat(storage.head("uploads/u1/short.jpg")).isEmpty();
    }

    @Test
    void readPrefixReturnsOnlyTheFirstBytes() {
        byte[] body = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        storage.put("objects/prefix.bin", body, "application/octet-stream");
        assertThat(storage.readPrefix("objects/prefix.bin", 4)).hasValueSatisfying(
                prefix -> assertThat(new String(prefix, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("0123"));
        assertThat(storage.readPrefix("objects/prefix.bin", 64)).hasValueSatisfying(
                prefix -> assertThat(prefix).isEqualTo(body));
        assertThat(storage.readPrefix("objects/none.bin", 4)).isEmpty();
    }

    @Test
    void putReadDownloadAndDelete() throws Exception {
        byte[] body = new byte[200_000];
        new java.util.Random(3).nextBytes(body);
        storage.put("objects/blob.bin", body, "application/octet-stream");
        assertThat(storage.read("objects/blob.bin")).isEqualTo(body);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("s3", ".bin");
        try {
            storage.download("objects/blob.bin", file);
            assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(body);
            storage.put("objects/copy.bin", file, "video/mp4");
            assertThat(storage.head("objects/copy.bin")).hasValueSatisfying(object -> {
                assertThat(object.sizeBytes()).isEqualTo(body.length);
                assertThat(object.contentType()).isEqualTo("video/mp4");
            });
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        storage.delete("objects/blob.bin");
        storage.delete("objects/blob.bin");
        assertThat(storage.head("objects/blob.bin")).isEmpty();
    }

    @Test
    void headOfNothingIsEmpty() {
        assertThat(storage.head("uploads/nobody/nothing.png")).isEmpty();
    }
}
