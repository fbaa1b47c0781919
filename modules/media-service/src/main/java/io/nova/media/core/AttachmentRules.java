package io.nova.media.core;

import io.nova.kernel.errors.DomainException;
import io.nova.media.db.MediaPurpose;
import io.nova.media.db.MediaRow;

import java.util.Optional;
import java.util.UUID;

/**
 * Whether an upload may back a new video or reel (HTTP, the creator's own request): it exists, is the caller's,
 * was made for that purpose, is verified (processing or ready: a video is published once ready) and nothing else
 * uses it. Pure; the refusals are the ones the videos and reels API documents.
 */
public final class AttachmentRules {

    private AttachmentRules() {
    }

    public static MediaRow check(UUID mediaId, Optional<MediaRow> media, String callerId, MediaPurpose expected,
                                 String claimant) {
        MediaRow row = media.orElseThrow(() -> DomainException.unprocessable("unknown_upload",
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
        if (row.claimedBy() != null && !row.claimedBy().equals(claimant)) {
            throw inUse(mediaId, row.claimedBy());
        }
        return row;
    }

    static DomainException inUse(UUID mediaId, String claimedBy) {
        return DomainException.conflict("upload_in_use", "Upload " + mediaId + " is already used by " + claimedBy);
    }
}
