package io.nova.kernel.storage;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The media bucket: SigV4-presigned URLs so clients upload and download directly, and HEAD to verify what a
 * client says it uploaded before it becomes usable.
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
    }

    public String bucket() {
        return config.getBucket();
    }

    public PresignedUpload presignUpload(String key, String contentType, long contentLength, Duration validFor) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request
                .signatureDuration(validFor)
                .putObjectRequest(put -> put.bucket(config.getBucket()).key(key)
                        .contentType(contentType).contentLength(contentLength)));
        return new PresignedUpload(presigned.url(), presigned.signedHeaders(), presigned.expiration());
    }

    public URL presignDownload(String key, Duration validFor) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(request -> request
                .signatureDuration(validFor)
                .getObjectRequest(get -> get.bucket(config.getBucket()).key(key)));
        return presigned.url();
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

    public void delete(String key) {
        client.deleteObject(request -> request.bucket(config.getBucket()).key(key));
    }

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
