package io.nova.messaging.core;

import io.nova.kernel.db.Compensated;
import io.nova.kernel.db.SettledIds;
import io.nova.kernel.errors.DomainException;
import io.nova.messaging.db.MediaReleaseStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Giving media back to media-service once the message that claimed it is gone (deleted, or never written). The
 * intent is written to {@code media_releases} — in the deleting transaction, so a crash cannot lose it — then
 * carried out at once; whatever media-service could not take then is retried by {@link #retryDue} until it can.
 */
public final class MediaReleases {

    private static final Logger LOG = LoggerFactory.getLogger(MediaReleases.class);
    private static final int BATCH = 50;

    private final Jdbi jdbi;
    private final MediaReleaseStore store;
    private final SettledIds messageIds;
    private final Media media;

    public MediaReleases(Jdbi jdbi, MediaReleaseStore store, SettledIds messageIds, Media media) {
        this.jdbi = jdbi;
        this.store = store;
        this.messageIds = messageIds;
        this.media = media;
    }

    /** Who holds a message's media in media-service: "message:&lt;id&gt;", the owner its claim sweep asks about. */
    public static String claimant(UUID messageId) {
        return "message:" + messageId;
    }

    /** Records the release in the caller's transaction; {@link #now} carries it out after the commit. */
    public void record(Handle handle, String claimant, List<UUID> mediaIds) {
        if (!mediaIds.isEmpty()) {
            store.add(handle, claimant, mediaIds);
        }
    }

    /** Releases what {@link #record} wrote; a failure leaves it for {@link #retryDue}. */
    public void now(String claimant, List<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return;
        }
        try {
            media.release(mediaIds, claimant);
            jdbi.useHandle(handle -> store.remove(handle, claimant));
        } catch (RuntimeException e) {
            LOG.warn("Media of {} not released yet, retrying later: {}", claimant, e.toString());
        }
    }

    /**
     * Writes a message whose media was just claimed for it, in one transaction ({@link Compensated}: when
     * it is known to have rolled back, the media is given back before the failure goes on; a failed COMMIT leaves
     * it claimed). When media-service cannot take it back now, the release is recorded for {@link #retryDue}: the
     * message id is new and never used again, so releasing later is always right.
     */
    public <T> T writeOrGiveBack(UUID messageId, List<UUID> mediaIds, HandleCallback<T, RuntimeException> work) {
        if (mediaIds.isEmpty()) {
            return jdbi.inTransaction(work);
        }
        String claimant = claimant(messageId);
        return Compensated.inTransaction(jdbi, handle -> {
            // media-service's sweep may have asked about this id while the send was slow, been told "no such
            // message" and given the media back: that answer stands, the send fails (ConfirmMessages).
            if (messageIds.lockAndCheckAbandoned(handle, messageId)) {
                throw DomainException.unavailable("message_abandoned",
                        "Sending the message took too long and was given up; send it again");
            }
            return work.withHandle(handle);
        }, () -> giveBack(claimant, mediaIds));
    }

    private void giveBack(String claimant, List<UUID> mediaIds) {
        try {
            media.release(mediaIds, claimant);
        } catch (RuntimeException refused) {
            try {
                jdbi.useHandle(handle -> store.add(handle, claimant, mediaIds));
            } catch (RuntimeException unrecorded) {
                unrecorded.addSuppressed(refused);
                LOG.error("Media {} of the unwritten message {} stays claimed: neither media-service nor the "
                        + "database answered", mediaIds, claimant);
                throw unrecorded;
            }
        }
    }

    /** Retries the oldest pending releases (this replica's share: rows another one holds are skipped). */
    public int retryDue() {
        return jdbi.inTransaction(handle -> {
            List<MediaReleaseStore.Pending> due = store.claimDue(handle, BATCH);
            int released = 0;
            for (MediaReleaseStore.Pending pending : due) {
                try {
                    media.release(pending.mediaIds(), pending.claimant());
                    store.remove(handle, pending.claimant());
                    released++;
                } catch (RuntimeException e) {
                    LOG.warn("Media of {} still not released: {}", pending.claimant(), e.toString());
                    break;
                }
            }
            return released;
        });
    }
}
