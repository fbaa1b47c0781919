package io.nova.media.core;

import io.nova.contracts.EventTypes;
import io.nova.kernel.events.Outbox;
import io.nova.contracts.Topics;
import io.nova.kernel.storage.S3Storage;
import io.nova.media.api.MediaEvent;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStore;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Deleting media: the rows and media.deleted in the caller's transaction, then — once that committed — the objects.
 * An object whose delete fails stays orphaned (logged), never a row pointing at nothing.
 */
public final class MediaRemoval {

    private static final Logger LOG = LoggerFactory.getLogger(MediaRemoval.class);

    private final MediaStore store;
    private final S3Storage storage;
    private final Outbox outbox;

    public MediaRemoval(MediaStore store, S3Storage storage, Outbox outbox) {
        this.store = store;
        this.storage = storage;
        this.outbox = outbox;
    }

    /** In the transaction: returns the object keys to pass to {@link #deleteObjects} after commit. */
    public List<String> deleteRows(Handle handle, MediaRow media) {
        List<String> keys = store.delete(handle, media.id());
        outbox.append(handle, Topics.MEDIA_EVENTS, EventTypes.MEDIA_DELETED, media.id().toString(),
                MediaEvent.deleted(media.id().toString(), media.ownerId(), media.purpose().wireName()));
        return keys;
    }

    public void deleteObjects(List<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (RuntimeException e) {
                LOG.warn("Could not delete object {} of deleted media; it is orphaned", key, e);
            }
        }
    }
}
