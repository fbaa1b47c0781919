package io.nova.media.core;

import io.nova.media.db.MediaPurpose;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStore;
import org.jdbi.v3.core.Handle;

import java.util.Optional;
import java.util.UUID;

/** Making a video or reel from an upload: {@link AttachmentRules} decide, on the locked row, then it is claimed. */
public final class Attachments {

    private final MediaStore media;

    public Attachments(MediaStore media) {
        this.media = media;
    }

    /** Checks and claims the media for {@code claimant} in the caller's transaction. */
    public MediaRow claim(Handle handle, UUID mediaId, String callerId, MediaPurpose expected, String claimant) {
        Optional<MediaRow> locked = media.lock(handle, mediaId);
        MediaRow row = AttachmentRules.check(mediaId, locked, callerId, expected, claimant);
        // Under the row lock the rules saw the current claimant; the SQL guards the same condition.
        // The video or reel is written in this same transaction: its claim is confirmed from the start.
        if (!media.claim(handle, mediaId, claimant, true)) {
            throw AttachmentRules.inUse(mediaId, row.claimedBy());
        }
        return row;
    }
}
