package io.nova.kernel.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/**
 * Where media lives. Empty {@code endpoint} means AWS S3 itself; set it for S3-compatible stores (and the local
 * run), which usually also want path-style URLs. Empty keys mean the AWS default credential chain (e.g. IRSA).
 */
public final class S3Config {

    private String endpoint = "";

    @NotBlank
    private String region = "us-east-1";

    @NotBlank
    private String bucket = "nova-media";

    private String accessKeyId = "";

    private String secretAccessKey = "";

    private boolean pathStyle = true;

    @JsonProperty
    public String getEndpoint() {
        return endpoint;
    }

    @JsonProperty
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint == null ? "" : endpoint;
    }

    @JsonProperty
    public String getRegion() {
        return region;
    }

    @JsonProperty
    public void setRegion(String region) {
        this.region = region;
    }

    @JsonProperty
    public String getBucket() {
        return bucket;
    }

    @JsonProperty
    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    @JsonProperty
    public String getAccessKeyId() {
        return accessKeyId;
    }

    @JsonProperty
    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId == null ? "" : accessKeyId;
    }

    @JsonProperty
    public String getSecretAccessKey() {
        return secretAccessKey;
    }

    @JsonProperty
    public void setSecretAccessKey(String secretAccessKey) {
        this.secretAccessKey = secretAccessKey == null ? "" : secretAccessKey;
    }

    @JsonProperty
    public boolean isPathStyle() {
        return pathStyle;
    }

    @JsonProperty
    public void setPathStyle(boolean pathStyle) {
        this.pathStyle = pathStyle;
    }
}
