package io.nova.media.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/uploads}. Formats are checked here (400); which types and sizes a purpose takes is
 * {@code UploadPolicy}'s (400 unsupported_content_type, 413 upload_too_large).
 */
public record CreateUploadRequest(
        // Shown back to the owner only; never part of the object key.
        @NotBlank
        @Size(max = 255)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String filename,

        @NotBlank
        @Size(max = 100)
        String contentType,

        @NotNull
        @Positive
        Long sizeBytes,

        @NotNull
        @Pattern(regexp = "image|video|reel", message = "must be image, video or reel")
        String purpose) {
}
