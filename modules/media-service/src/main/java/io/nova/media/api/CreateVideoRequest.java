package io.nova.media.api;

import io.nova.kernel.api.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/videos}: a completed upload (purpose video) of the caller's, and what to show with it. */
public record CreateVideoRequest(
        @NotNull
        @Pattern(regexp = Ids.PATTERN, message = "must be an upload id such as 0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10")
        String uploadId,

        @NotBlank
        @Size(max = 200)
        String title,

        @Size(max = 5000)
        String description,

        // Default public.
        @Pattern(regexp = "public|unlisted|private", message = "must be public, unlisted or private")
        String visibility) {
}
