package io.nova.media.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/reels}: a completed upload (purpose reel) of the caller's, a caption and the audio used. */
public record CreateReelRequest(
        @NotNull
        @Pattern(regexp = Uuids.PATTERN, message = Uuids.MESSAGE)
        String uploadId,

        @Size(max = 2200)
        String caption,

        // The name of the sound used ("Original audio", a track); shown as is.
        @Size(max = 200)
        String audio) {
}
