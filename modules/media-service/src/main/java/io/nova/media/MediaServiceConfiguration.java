package io.nova.media;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nova.kernel.config.NovaConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The kernel's configuration plus media-service's {@code media} block (upload limits, URL lifetimes, ffmpeg). */
public final class MediaServiceConfiguration extends NovaConfiguration {

    @Valid
    @NotNull
    private MediaConfig media = new MediaConfig();

    @JsonProperty
    public MediaConfig getMedia() {
        return media;
    }

    @JsonProperty
    public void setMedia(MediaConfig media) {
        this.media = media;
    }
}
