package io.nova.kernel.storage;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Presigns object URLs (SigV4 in the query string) with the AWS SDK's V4 signer, the one {@link S3Presigner} uses.
 *
 * <p>Per call, {@code S3Presigner} also evaluates S3's endpoint rules, resolves auth schemes, runs interceptors and
 * marshals a request — two thirds of its cost when profiled, and the same answer for every key of one bucket. So
 * that part runs once, here: the presigner signs a probe key and its URL, without the key, is the bucket's base
 * URL. Each signature then costs the canonical request and one HMAC chain. {@code S3StorageTest} checks that the
 * URLs are the presigner's own, byte for byte.
 */
final class ObjectUrlSigner {

    /** A signed URL and the moment it stops working. */
    record Signed(URL url, Map<String, List<String>> signedHeaders, Instant expiresAt) {
    }

    private static final String PROBE_KEY = "nova-base-url-probe";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final String bucketBaseUrl;
    private final Clock clock;

    ObjectUrlSigner(S3Presigner presigner, String bucket, AwsCredentialsProvider credentials, String region,
                    Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
        URL probe = presigner.presignGetObject(request -> request.signatureDuration(Duration.ofMinutes(1))
                .getObjectRequest(get -> get.bucket(bucket).key(PROBE_KEY))).url();
        String withoutQuery = probe.toString().replaceFirst("\\?.*$", "");
        if (!withoutQuery.endsWith("/" + PROBE_KEY)) {
            throw new IllegalStateException("Unexpected presigned URL shape: " + withoutQuery);
        }
        this.bucketBaseUrl = withoutQuery.substring(0, withoutQuery.length() - PROBE_KEY.length());
    }

    Signed sign(SdkHttpMethod method, String key, Map<String, String> headers, Duration validFor) {
        // One reading of the clock: the signature's date and the expiry we report must agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(method)
                .uri(URI.create(bucketBaseUrl + SdkHttpUtils.urlEncodeIgnoreSlashes(key)));
        headers.forEach(request::putHeader);
        SdkHttpRequest signed = signer.sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request.build())
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, validFor)
                // S3's rules: the payload is not part of a presigned signature, and keys are encoded once, as is.
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)))
                .request();
        try {
            return new Signed(signed.getUri().toURL(), lowerCaseNames(signed.headers()), now.plus(validFor));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("The signer produced an invalid URL", e);
        }
    }

    /** As the presigner names them: SigV4 signs header names in lower case. */
    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> named = new TreeMap<>();
        headers.forEach((name, values) -> named.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return Collections.unmodifiableMap(named);
    }
}
