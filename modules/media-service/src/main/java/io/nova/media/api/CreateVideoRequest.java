package io.nova.media.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/videos}: a completed upload (purpose video) of the caller's, and what to show with it. */
public record CreateVideoRequest(
        @NotNull
        @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE)
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
