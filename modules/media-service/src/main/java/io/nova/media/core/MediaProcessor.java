package io.nova.media.core;

import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.events.EventHandler;
import io.nova.contracts.EventTypes;
import io.nova.kernel.api.Ids;
import io.nova.kernel.events.Outbox;
import io.nova.contracts.Topics;
import io.nova.kernel.storage.S3Storage;
import io.nova.media.api.MediaEvent;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStatus;
import io.nova.media.db.MediaStore;
import io.nova.media.db.RenditionRow;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Processes verified media when its media.uploaded event arrives (never inside the request): renditions made and
 * stored next to the original, then media.ready — or media.failed with a reason the owner sees. Runs in the
 * consumer's transaction, so a crash half-way is redone; rendition keys are fixed, so redoing overwrites. The
 * media row is updated only at the end (status still "processing" checked then), never locked during the work.
 */
public final class MediaProcessor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MediaProcessor.class);

    private final MediaStore store;
    private final S3Storage storage;
    private final ImageProcessor images;
    private final VideoProcessor videos;
    private final Outbox outbox;
    private final Publications publications;
    private final boolean videoWork;

    /**
     * @param videoWork true: processes videos and reels only; false: images only. Two consumers, so a long video
     *                  never holds up the pictures behind it.
     */
    public MediaProcessor(MediaStore store, S3Storage storage, ImageProcessor images, VideoProcessor videos,
                          Outbox outbox, Publications publications, boolean videoWork) {
        this.store = store;
        this.storage = storage;
        this.images = images;
        this.videos = videos;
        this.outbox = outbox;
        this.publications = publications;
        this.videoWork = videoWork;
    }

    @Override
    public void handle(Handle handle, EventEnvelope event) {
        if (!EventTypes.MEDIA_UPLOADED.equals(event.type())) {
            return;
        }
        // A plain read, no row lock: processing a video takes a while, and creating a video from this media or
        // deleting it must not wait for that.
        Optional<MediaRow> media = Ids.parse(event.aggregateId()).flatMap(id -> store.find(handle, id))
                .filter(row -> row.status() == MediaStatus.PROCESSING && row.purpose().isVideo() == videoWork);
        if (media.isEmpty()) {
            // Deleted since, already processed, the other processor's kind, or another database's media.
            return;
        }
        process(handle, media.get());
    }

    private void process(Handle handle, MediaRow media) {
        Path work = media.purpose().isVideo() ? VideoProcessor.workDirectory() : null;
        try {
            ProcessedMedia result = media.purpose().isVideo()
                    ? videos.process(media.objectKey(), work)
                    : images.process(storage.read(media.objectKey()), media.contentType());
            List<RenditionRow> saved = new ArrayList<>();
            for (ProcessedMedia.Rendition rendition : result.renditions()) {
                saved.add(save(media, rendition));
            }
            if (!store.markReady(handle, media.id(), result.width(), result.height(), result.durationMs(),
                    result.note())) {
                discardIfDeleted(handle, media, saved);
                return;
            }
            for (RenditionRow rendition : saved) {
                store.replaceRendition(handle, media.id(), rendition);
            }
            outbox.append(handle, Topics.MEDIA_EVENTS, EventTypes.MEDIA_READY, media.id().toString(),
                    MediaEvent.ready(media.id().toString(), media.ownerId(), media.purpose().wireName(),
                            result.width(), result.height(), result.durationMs(),
                            saved.stream().map(RenditionRow::name).toList(), result.note()));
            publications.mediaReady(handle, media.id());
        } catch (UnprocessableMediaException e) {
            LOG.info("Media {} failed: {}", media.id(), e.getMessage());
            if (store.markFailed(handle, media.id(), e.getMessage())) {
                outbox.append(handle, Topics.MEDIA_EVENTS, EventTypes.MEDIA_FAILED, media.id().toString(),
                        MediaEvent.failed(media.id().toString(), media.ownerId(), media.purpose().wireName(),
                                e.getMessage()));
            }
        } finally {
            if (work != null) {
                VideoProcessor.deleteWorkDirectory(work);
            }
        }
    }

    /**
     * The media left "processing" while it was processed. Deleted: its new renditions would be orphans, so they
     * go. Otherwise (another run finished it) they are the same keys that run stored, and stay.
     */
    private void discardIfDeleted(Handle handle, MediaRow media, List<RenditionRow> saved) {
        if (store.find(handle, media.id()).isEmpty()) {
            saved.forEach(rendition -> storage.delete(rendition.objectKey()));
        }
    }

    private RenditionRow save(MediaRow media, ProcessedMedia.Rendition rendition) {
        String key = ObjectKeys.rendition(media.objectKey(), rendition.name(), rendition.extension());
        long size;
        if (rendition.bytes() != null) {
            storage.put(key, rendition.bytes(), rendition.contentType());
            size = rendition.bytes().length;
        } else {
            storage.put(key, rendition.file(), rendition.contentType());
            try {
                size = Files.size(rendition.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RenditionRow(rendition.name(), key, rendition.contentType(), rendition.width(),
                rendition.height(), size);
    }
}
