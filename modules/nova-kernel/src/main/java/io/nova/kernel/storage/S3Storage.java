package io.nova.kernel.storage;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The media bucket: SigV4-presigned URLs so clients upload and download directly, HEAD and a read of the first
 * bytes to verify what a client says it uploaded before it becomes usable, and plain reads and writes for the
 * renditions a service makes from it.
 */
public final class S3Storage implements Managed {

    /** A URL a client PUTs the object to, with the headers the signature covers, until {@code expiresAt}. */
    public record PresignedUpload(URL url, Map<String, List<String>> headers, Instant expiresAt) {
    }

    public record StoredObject(long sizeBytes, String contentType) {
    }

    private final S3Config config;
    private final S3Client client;
    private final S3Presigner presigner;
    private final ObjectUrlSigner urls;

    public S3Storage(S3Config config) {
        this.config = config;
        AwsCredentialsProvider credentials = config.getAccessKeyId().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.getAccessKeyId(), config.getSecretAccessKey()));
        S3Configuration s3 = S3Configuration.builder().pathStyleAccessEnabled(config.isPathStyle()).build();
        var clientBuilder = S3Client.builder()
                .region(Region.of(config.getRegion()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        var presignerBuilder = S3Presigner.builder()
                .region(Region.of(config.getRegion()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3);
        if (!config.getEndpoint().isBlank()) {
            clientBuilder.endpointOverride(URI.create(config.getEndpoint()));
            presignerBuilder.endpointOverride(URI.create(config.getEndpoint()));
        }
        this.client = clientBuilder.build();
        this.presigner = presignerBuilder.build();
        this.urls = new ObjectUrlSigner(presigner, config.getBucket(), credentials, config.getRegion(),
                Clock.systemUTC());
    }

    public String bucket() {
        return config.getBucket();
    }

    /** A PUT URL that accepts exactly {@code contentLength} bytes of {@code contentType}: both are signed. */
    public PresignedUpload presignUpload(String key, String contentType, long contentLength, Duration validFor) {
        ObjectUrlSigner.Signed signed = urls.sign("PUT", key,
                Map.of("Content-Type", contentType, "Content-Length", Long.toString(contentLength)), validFor);
        return new PresignedUpload(signed.url(), signed.signedHeaders(), signed.expiresAt());
    }

    public URL presignDownload(String key, Duration validFor) {
        return urls.sign("GET", key, Map.of(), validFor).url();
    }

    /** What is stored under {@code key}, or empty when nothing is. */
    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = client.headObject(request -> request.bucket(config.getBucket()).key(key));
            return Optional.of(new StoredObject(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Up to the first {@code count} bytes of the object (fewer when it is shorter), or empty when nothing is
     * stored: enough to check a file's signature without downloading it.
     */
    public Optional<byte[]> readPrefix(String key, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        try {
            ResponseBytes<GetObjectResponse> bytes = client.getObjectAsBytes(request -> request
                    .bucket(config.getBucket()).key(key).range("bytes=0-" + (count - 1)));
            byte[] body = bytes.asByteArray();
            // A server that ignores Range sends the whole object; only the prefix was asked for.
            return Optional.of(body.length > count ? java.util.Arrays.copyOf(body, count) : body);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            // 416: an empty object has no first byte.
            if (e.statusCode() == 416) {
                return Optional.of(new byte[0]);
            }
            throw e;
        }
    }

    /** The whole object in memory; for objects the caller knows to be small enough (it verified their size). */
    public byte[] read(String key) {
        return client.getObjectAsBytes(request -> request.bucket(config.getBucket()).key(key)).asByteArray();
    }

    /** Streams the object into {@code target}, replacing it. */
    public void download(String key, Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        client.getObject(request -> request.bucket(config.getBucket()).key(key), ResponseTransformer.toFile(target));
    }

    public void put(String key, byte[] body, String contentType) {
        client.putObject(request -> request.bucket(config.getBucket()).key(key).contentType(contentType),
                RequestBody.fromBytes(body));
    }

    public void put(String key, Path file, String contentType) {
        client.putObject(request -> request.bucket(config.getBucket()).key(key).contentType(contentType),
                RequestBody.fromFile(file));
    }

    /** Deletes the object; deleting what is not there is not an error (S3 answers 204 either way). */
    public void delete(String key) {
        client.deleteObject(request -> request.bucket(config.getBucket()).key(key));
    }

    public static final String HEALTH_CHECK = "s3";

    public HealthCheck healthCheck() {
        return new HealthCheck() {
            @Override
            protected Result check() {
                client.headBucket(request -> request.bucket(config.getBucket()));
                return Result.healthy();
            }
        };
    }

    @Override
    public void stop() {
        presigner.close();
        client.close();
    }
}
