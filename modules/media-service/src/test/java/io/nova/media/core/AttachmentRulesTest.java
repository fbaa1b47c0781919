package io.nova.media.core;

import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.media.db.MediaPurpose;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which uploads may back a new video or reel, without a server. */
class AttachmentRulesTest {

    private static final String ANN = "0b9c5a0e-4c4f-4a8e-9d43-2b7f3c1e8a10";
    private static final String BOB = "7d1f2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b";
    private static final UUID ID = UUID.fromString("3f6c1d2e-9a8b-4c7d-a6e5-f4d3c2b1a098");
    private static final String CLAIMANT = "video:5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";

    @Test
    void theCallersVerifiedUnusedUploadOfThatPurposeIsUsable() {
        MediaRow processing = media(ANN, MediaPurpose.VIDEO, MediaStatus.PROCESSING, null);
        MediaRow ready = media(ANN, MediaPurpose.VIDEO, MediaStatus.READY, null);
        assertThat(check(processing, MediaPurpose.VIDEO)).isSameAs(processing);
        assertThat(check(ready, MediaPurpose.VIDEO)).isSameAs(ready);
    }

    @Test
    void anUnknownUploadIsUnprocessable() {
        assertRefused(() -> AttachmentRules.check(ID, Optional.empty(), ANN, MediaPurpose.VIDEO, CLAIMANT),
                ErrorKind.UNPROCESSABLE, "unknown_upload", "Upload " + ID + " does not exist");
    }

    @Test
    void someoneElsesUploadIsForbiddenWhateverItsState() {
        assertRefused(() -> check(media(BOB, MediaPurpose.VIDEO, MediaStatus.READY, null), MediaPurpose.VIDEO),
                ErrorKind.FORBIDDEN, "forbidden", "Upload " + ID + " belongs to someone else");
        assertRefused(() -> check(media(BOB, MediaPurpose.IMAGE, MediaStatus.PENDING, null), MediaPurpose.VIDEO),
                ErrorKind.FORBIDDEN, "forbidden", "Upload " + ID + " belongs to someone else");
    }

    @Test
    void anUploadMadeForAnotherPurposeIsUnprocessable() {
        assertRefused(() -> check(media(ANN, MediaPurpose.REEL, MediaStatus.READY, null), MediaPurpose.VIDEO),
                ErrorKind.UNPROCESSABLE, "wrong_upload_purpose",
                "Upload " + ID + " was made for reel; this needs an upload with purpose video");
        assertRefused(() -> check(media(ANN, MediaPurpose.IMAGE, MediaStatus.READY, null), MediaPurpose.REEL),
                ErrorKind.UNPROCESSABLE, "wrong_upload_purpose",
                "Upload " + ID + " was made for image; this needs an upload with purpose reel");
    }

    @Test
    void aPendingUploadIsAConflictUntilCompleted() {
        assertRefused(() -> check(media(ANN, MediaPurpose.VIDEO, MediaStatus.PENDING, null), MediaPurpose.VIDEO),
                ErrorKind.CONFLICT, "upload_not_completed",
                "Upload " + ID + " is not completed: upload the file and complete the upload first");
    }

    @Test
    void aFailedUploadIsUnprocessableWithItsReason() {
        MediaRow failed = new MediaRow(ID, ANN, MediaPurpose.VIDEO, "a.mp4", "video/mp4", 10, "originals/a",
                MediaStatus.FAILED, "no video stream", null, null, null, null, null, Instant.EPOCH, Instant.EPOCH);
        assertRefused(() -> check(failed, MediaPurpose.VIDEO), ErrorKind.UNPROCESSABLE, "upload_failed",
                "Upload " + ID + " failed: no video stream");
    }

    @Test
    void anUploadAlreadyBackingSomethingIsAConflict() {
        assertRefused(() -> check(media(ANN, MediaPurpose.VIDEO, MediaStatus.READY, "video:other"),
                MediaPurpose.VIDEO), ErrorKind.CONFLICT, "upload_in_use",
                "Upload " + ID + " is already used by video:other");
    }

    private static MediaRow check(MediaRow media, MediaPurpose expected) {
        return AttachmentRules.check(ID, Optional.of(media), ANN, expected, CLAIMANT);
    }

    private static MediaRow media(String owner, MediaPurpose purpose, MediaStatus status, String claimedBy) {
        return new MediaRow(ID, owner, purpose, "a.mp4", "video/mp4", 10, "originals/a", status, null, null, null,
                null, null, claimedBy, Instant.EPOCH, Instant.EPOCH);
    }

    private static void assertRefused(Runnable check, ErrorKind kind, String code, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
