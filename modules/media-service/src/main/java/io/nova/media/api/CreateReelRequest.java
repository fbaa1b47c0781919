package io.nova.media.api;

import io.nova.kernel.api.Ids;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/reels}: a completed upload (purpose reel) of the caller's, a caption and the audio used. */
public record CreateReelRequest(
        @NotNull
        @Pattern(regexp = Ids.PATTERN, message = "must be an upload id such as 0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10")
        String uploadId,

        @Size(max = 2200)
        String caption,

        // The name of the sound used ("Original audio", a track); shown as is.
        @Size(max = 200)
        String audio) {
}
