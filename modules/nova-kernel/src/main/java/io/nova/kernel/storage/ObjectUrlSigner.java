package io.nova.kernel.storage;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Presigns object URLs for S3: AWS Signature Version 4 in the query string, as S3 defines it for presigned URLs
 * (unsigned payload, the key encoded once, never normalized).
 *
 * <p>Why not {@link S3Presigner} per call: for every URL it evaluates S3's endpoint rules, resolves auth schemes,
 * runs interceptors, marshals a request and derives the signing key — most of a presign request's cost when
 * profiled, and the same answer for every key of one bucket on one day. So the presigner runs once, for a probe
 * key, and its URL without that key is the bucket's base URL (its endpoint rules stay the SDK's); the day's signing
 * key is derived once a day; each URL then costs one SHA-256 and one HMAC. {@code ObjectUrlSignerTest} checks the
 * URLs against the presigner's own, byte for byte, and {@code S3StorageTest} that a real S3 server accepts them.
 */
final class ObjectUrlSigner {

    /** A signed URL, the headers the client must send as signed, and the moment it stops working. */
    record Signed(URL url, Map<String, List<String>> signedHeaders, Instant expiresAt) {
    }

    private static final String PROBE_KEY = "nova-base-url-probe";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "s3";
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** The HMAC key of one day, region and secret (SigV4's "signing key"); all three are part of the scope. */
    private record SigningKey(String day, String secret, byte[] key) {
    }

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final String bucketBaseUrl;
    private final String bucketBasePath;
    private final String host;
    private final Clock clock;
    private volatile SigningKey signingKey;

    ObjectUrlSigner(S3Presigner presigner, String bucket, AwsCredentialsProvider credentials, String region,
                    Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
        URI probe = URI.create(presigner.presignGetObject(request -> request.signatureDuration(Duration.ofMinutes(1))
                .getObjectRequest(get -> get.bucket(bucket).key(PROBE_KEY))).url().toString());
        String path = probe.getRawPath();
        if (!path.endsWith("/" + PROBE_KEY)) {
            throw new IllegalStateException("Unexpected presigned URL shape: " + probe);
        }
        this.bucketBasePath = path.substring(0, path.length() - PROBE_KEY.length());
        this.bucketBaseUrl = probe.getScheme() + "://" + probe.getRawAuthority() + bucketBasePath;
        // Host as the SDK signs it: the port only when the URL names one.
        this.host = probe.getRawAuthority();
    }

    /**
     * Signs {@code method} on {@code key}; every header in {@code headers} (besides Host) is signed and must be
     * sent exactly so.
     */
    Signed sign(String method, String key, Map<String, String> headers, Duration validFor) {
        // One reading of the clock: the signature's date and the expiry we report must agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String moment = MOMENT.format(now);
        String day = moment.substring(0, 8);
        AwsCredentials identity = credentials.resolveCredentials();
        String scope = day + "/" + region + "/" + SERVICE + "/aws4_request";

        Map<String, String> canonicalHeaders = new TreeMap<>();
        headers.forEach((name, value) -> canonicalHeaders.put(name.toLowerCase(Locale.ROOT), trimAll(value)));
        canonicalHeaders.put("host", host);
        String signedHeaderNames = String.join(";", canonicalHeaders.keySet());

        String token = identity instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        String encodedKey = SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        // The canonical query lists the parameters sorted by name; the URL lists them as the SDK's presigner does.
        String algorithm = "X-Amz-Algorithm=" + ALGORITHM;
        String credential = "X-Amz-Credential=" + encode(identity.accessKeyId() + "/" + scope);
        String date = "X-Amz-Date=" + moment;
        String expires = "X-Amz-Expires=" + validFor.toSeconds();
        String securityToken = token == null ? null : "X-Amz-Security-Token=" + encode(token);
        String signedHeaders = "X-Amz-SignedHeaders=" + encode(signedHeaderNames);

        StringBuilder canonical = new StringBuilder(512)
                .append(method).append('\n')
                .append(bucketBasePath).append(encodedKey).append('\n')
                .append(algorithm).append('&').append(credential).append('&').append(date).append('&').append(expires);
        if (securityToken != null) {
            canonical.append('&').append(securityToken);
        }
        canonical.append('&').append(signedHeaders).append('\n');
        canonicalHeaders.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        canonical.append('\n').append(signedHeaderNames).append('\n').append("UNSIGNED-PAYLOAD");

        String stringToSign = ALGORITHM + "\n" + moment + "\n" + scope + "\n" + HEX.formatHex(sha256(canonical));
        String signature = HEX.formatHex(hmac(signingKey(day, identity.secretAccessKey()),
                stringToSign.getBytes(StandardCharsets.UTF_8)));

        StringBuilder url = new StringBuilder(bucketBaseUrl.length() + encodedKey.length() + 512)
                .append(bucketBaseUrl).append(encodedKey).append('?');
        if (securityToken != null) {
            url.append(securityToken).append('&');
        }
        url.append(algorithm).append('&').append(date).append('&').append(signedHeaders).append('&')
                .append(credential).append('&').append(expires).append("&X-Amz-Signature=").append(signature);
        try {
            return new Signed(new URL(url.toString()), signedHeaders(canonicalHeaders), now.plus(validFor));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("The signer produced an invalid URL", e);
        }
    }

    /** HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), "s3"), "aws4_request"), kept for the day. */
    private byte[] signingKey(String day, String secret) {
        SigningKey known = signingKey;
        if (known != null && known.day().equals(day) && known.secret().equals(secret)) {
            return known.key();
        }
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), utf8(day));
        key = hmac(key, utf8(region));
        key = hmac(key, utf8(SERVICE));
        key = hmac(key, utf8("aws4_request"));
        signingKey = new SigningKey(day, secret, key);
        return key;
    }

    /** As the presigner names them: SigV4 signs header names in lower case. */
    private static Map<String, List<String>> signedHeaders(Map<String, String> canonicalHeaders) {
        Map<String, List<String>> named = new TreeMap<>();
        canonicalHeaders.forEach((name, value) -> named.put(name, List.of(value)));
        return Collections.unmodifiableMap(named);
    }

    /** SigV4's header value: no outer whitespace, inner runs of spaces as one. */
    private static String trimAll(String value) {
        String trimmed = value.strip();
        return trimmed.contains("  ") ? trimmed.replaceAll(" {2,}", " ") : trimmed;
    }

    /** RFC 3986: everything but unreserved characters percent-encoded, as SigV4 requires. */
    private static String encode(String value) {
        return SdkHttpUtils.urlEncode(value);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(CharSequence text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
