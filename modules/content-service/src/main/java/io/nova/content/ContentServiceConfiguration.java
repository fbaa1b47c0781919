package io.nova.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.nova.kernel.config.NovaConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The kernel's configuration plus content-service's {@code content} block (its gRPC dependencies). */
public final class ContentServiceConfiguration extends NovaConfiguration {

    @Valid
    @NotNull
    private ContentConfig content = new ContentConfig();

    @JsonProperty
    public ContentConfig getContent() {
        return content;
    }

    @JsonProperty
    public void setContent(ContentConfig content) {
        this.content = content;
    }
}
