package io.nova.media.core;

import io.nova.kernel.errors.DomainException;
import io.nova.media.db.MediaPurpose;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStore;
import org.jdbi.v3.core.Handle;

import java.util.UUID;

/** The rules for making a video or reel from an upload: the caller's own, verified, of the right kind, unused. */
public final class Attachments {

    private final MediaStore media;

    public Attachments(MediaStore media) {
        this.media = media;
    }

    /** Checks and claims the media for {@code claimant} in the caller's transaction. */
    public MediaRow claim(Handle handle, UUID mediaId, String callerId, MediaPurpose expected, String claimant) {
        MediaRow row = media.lock(handle, mediaId)
                .orElseThrow(() -> DomainException.unprocessable("unknown_upload",
                        "Upload " + mediaId + " does not exist"));
        if (!row.ownedBy(callerId)) {
            throw DomainException.forbidden("Upload " + mediaId + " belongs to someone else");
        }
        if (row.purpose() != expected) {
            throw DomainException.unprocessable("wrong_upload_purpose", "Upload " + mediaId + " was made for "
                    + row.purpose().wireName() + "; this needs an upload with purpose " + expected.wireName());
        }
        switch (row.status()) {
            case PENDING -> throw DomainException.conflict("upload_not_completed",
                    "Upload " + mediaId + " is not completed: upload the file and complete the upload first");
            case FAILED -> throw DomainException.unprocessable("upload_failed",
                    "Upload " + mediaId + " failed: " + row.failureReason());
            case PROCESSING, READY -> {
                // usable
            }
        }
        if (!media.claim(handle, mediaId, claimant)) {
            throw DomainException.conflict("upload_in_use", "Upload " + mediaId + " is already used by " + row.claimedBy());
        }
        return row;
    }
}
