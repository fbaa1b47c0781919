package io.nova.media;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.util.DataSizeUnit;
import io.nova.contracts.ServicePorts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.concurrent.TimeUnit;

/** How media-service takes uploads and processes them. The defaults are the production values. */
public final class MediaConfig {

    /** How long a presigned upload URL works. SigV4 presigned URLs cannot outlive 7 days. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 7, unit = TimeUnit.DAYS)
    private Duration uploadUrlTtl;

    /** How long the presigned download URLs in responses work. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 7, unit = TimeUnit.DAYS)
    private Duration downloadUrlTtl;

    @NotNull
    @MinDataSize(value = 1, unit = DataSizeUnit.KIBIBYTES)
    private DataSize maxImageSize;

    /** 100 MiB is the Ingress body limit: a larger video could not be uploaded through it anyway. */
    @NotNull
    @MinDataSize(value = 1, unit = DataSizeUnit.KIBIBYTES)
    @MaxDataSize(value = 5, unit = DataSizeUnit.GIBIBYTES)
    private DataSize maxVideoSize;

    /** Uploads one user may have presigned and not completed at once; past it, 429. */
    @Min(1)
    private int maxPendingUploadsPerUser = 20;

    /** A pending upload not completed within this is swept: its object and row are removed. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration pendingUploadTtl;

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration sweepInterval;

    /** content-service's gRPC API, asked about "post:" claims. Empty: on loopback at its port (ServicePorts). */
    @NotNull
    private String contentServiceTarget;

    /** messaging-service's gRPC API, asked about "message:" claims. Empty: on loopback at its port. */
    @NotNull
    private String messagingServiceTarget;

    /**
     * Claims other services made are asked about once they are this old and unconfirmed; a claim whose owner never
     * came to exist is released then. Only needs to outlast a create in flight (seconds).
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration claimGracePeriod;

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration claimSweepInterval;

    /**
     * {@code auto}: the ffmpeg media-service carries, else (when it cannot run here) the one on PATH; {@code none}
     * or empty: no video processing (the original is the only rendition, and the API says so); otherwise the path
     * of the ffmpeg binary (its {@code ffprobe} is expected beside it).
     */
    @NotNull
    private String ffmpegPath = "auto";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration ffmpegTimeout;

    /** Images with more pixels are refused before decoding: a small file can decode to gigabytes. */
    @Min(1)
    private long maxImagePixels = 40_000_000L;

    /**
     * The Kafka consumers that process uploads: groups {@code media-service.<name>-images} and
     * {@code media-service.<name>-videos}.
     */
    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9._-]+")
    private String processingConsumer = "processing";

    @JsonProperty
    public Duration getUploadUrlTtl() {
        return uploadUrlTtl;
    }

    @JsonProperty
    public void setUploadUrlTtl(Duration uploadUrlTtl) {
        this.uploadUrlTtl = uploadUrlTtl;
    }

    @JsonProperty
    public Duration getDownloadUrlTtl() {
        return downloadUrlTtl;
    }

    @JsonProperty
    public void setDownloadUrlTtl(Duration downloadUrlTtl) {
        this.downloadUrlTtl = downloadUrlTtl;
    }

    @JsonProperty
    public DataSize getMaxImageSize() {
        return maxImageSize;
    }

    @JsonProperty
    public void setMaxImageSize(DataSize maxImageSize) {
        this.maxImageSize = maxImageSize;
    }

    @JsonProperty
    public DataSize getMaxVideoSize() {
        return maxVideoSize;
    }

    @JsonProperty
    public void setMaxVideoSize(DataSize maxVideoSize) {
        this.maxVideoSize = maxVideoSize;
    }

    @JsonProperty
    public int getMaxPendingUploadsPerUser() {
        return maxPendingUploadsPerUser;
    }

    @JsonProperty
    public void setMaxPendingUploadsPerUser(int maxPendingUploadsPerUser) {
        this.maxPendingUploadsPerUser = maxPendingUploadsPerUser;
    }

    @JsonProperty
    public Duration getPendingUploadTtl() {
        return pendingUploadTtl;
    }

    @JsonProperty
    public void setPendingUploadTtl(Duration pendingUploadTtl) {
        this.pendingUploadTtl = pendingUploadTtl;
    }

    @JsonProperty
    public Duration getSweepInterval() {
        return sweepInterval;
    }

    @JsonProperty
    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    @JsonProperty
    public String getContentServiceTarget() {
        return ServicePorts.grpcTarget(contentServiceTarget, "content-service");
    }

    @JsonProperty
    public void setContentServiceTarget(String contentServiceTarget) {
        this.contentServiceTarget = contentServiceTarget == null ? "" : contentServiceTarget.strip();
    }

    @JsonProperty
    public String getMessagingServiceTarget() {
        return ServicePorts.grpcTarget(messagingServiceTarget, "messaging-service");
    }

    @JsonProperty
    public void setMessagingServiceTarget(String messagingServiceTarget) {
        this.messagingServiceTarget = messagingServiceTarget == null ? "" : messagingServiceTarget.strip();
    }

    @JsonProperty
    public Duration getClaimGracePeriod() {
        return claimGracePeriod;
    }

    @JsonProperty
    public void setClaimGracePeriod(Duration claimGracePeriod) {
        this.claimGracePeriod = claimGracePeriod;
    }

    @JsonProperty
    public Duration getClaimSweepInterval() {
        return claimSweepInterval;
    }

    @JsonProperty
    public void setClaimSweepInterval(Duration claimSweepInterval) {
        this.claimSweepInterval = claimSweepInterval;
    }

    @JsonProperty
    public String getFfmpegPath() {
        return ffmpegPath;
    }

    @JsonProperty
    public void setFfmpegPath(String ffmpegPath) {
        this.ffmpegPath = ffmpegPath == null ? "" : ffmpegPath.strip();
    }

    @JsonProperty
    public Duration getFfmpegTimeout() {
        return ffmpegTimeout;
    }

    @JsonProperty
    public void setFfmpegTimeout(Duration ffmpegTimeout) {
        this.ffmpegTimeout = ffmpegTimeout;
    }

    @JsonProperty
    public long getMaxImagePixels() {
        return maxImagePixels;
    }

    @JsonProperty
    public void setMaxImagePixels(long maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
    }

    @JsonProperty
    public String getProcessingConsumer() {
        return processingConsumer;
    }

    @JsonProperty
    public void setProcessingConsumer(String processingConsumer) {
        this.processingConsumer = processingConsumer;
    }
}
