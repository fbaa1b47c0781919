package io.nova.media.core;

import io.nova.kernel.events.EventEnvelope;
import io.nova.kernel.events.EventHandler;
import io.nova.kernel.events.EventTypes;
import io.nova.kernel.events.Outbox;
import io.nova.kernel.events.Topics;
import io.nova.kernel.storage.S3Storage;
import io.nova.media.api.MediaEvent;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStore;
import io.nova.media.db.RenditionRow;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Processes verified media when its media.uploaded event arrives (never inside the request): renditions made and
 * stored next to the original, then media.ready — or media.failed with a reason the owner sees. Runs in the
 * consumer's transaction, so a crash half-way is redone; rendition keys are fixed, so redoing overwrites.
 */
public final class MediaProcessor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MediaProcessor.class);

    private final MediaStore store;
    private final S3Storage storage;
    private final ImageProcessor images;
    private final VideoProcessor videos;
    private final Outbox outbox;
    private final Publications publications;

    public MediaProcessor(MediaStore store, S3Storage storage, ImageProcessor images, VideoProcessor videos,
                          Outbox outbox, Publications publications) {
        this.store = store;
        this.storage = storage;
        this.images = images;
        this.videos = videos;
        this.outbox = outbox;
        this.publications = publications;
    }

    @Override
    public void handle(Handle handle, EventEnvelope event) {
        if (!EventTypes.MEDIA_UPLOADED.equals(event.type())) {
            return;
        }
        Optional<UUID> id = uuid(event.aggregateId());
        // Deleted since, or already processed: nothing to do.
        Optional<MediaRow> media = id.flatMap(mediaId -> store.lock(handle, mediaId))
                .filter(row -> row.status() == MediaStatus.PROCESSING);
        if (media.isEmpty()) {
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
            for (ProcessedMedia.Rendition rendition : result.renditions()) {
                store.replaceRendition(handle, media.id(), save(media, rendition));
            }
            store.markReady(handle, media.id(), result.width(), result.height(), result.durationMs(), result.note());
            outbox.append(handle, Topics.MEDIA_EVENTS, EventTypes.MEDIA_READY, media.id().toString(),
                    MediaEvent.ready(media.id().toString(), media.ownerId(), media.purpose().wireName(),
                            result.width(), result.height(), result.durationMs(),
                            result.renditions().stream().map(ProcessedMedia.Rendition::name).toList(),
                            result.note()));
            publications.mediaReady(handle, media.id());
        } catch (UnprocessableMediaException e) {
            LOG.info("Media {} failed: {}", media.id(), e.getMessage());
            store.markFailed(handle, media.id(), e.getMessage());
            outbox.append(handle, Topics.MEDIA_EVENTS, EventTypes.MEDIA_FAILED, media.id().toString(),
                    MediaEvent.failed(media.id().toString(), media.ownerId(), media.purpose().wireName(),
                            e.getMessage()));
        } finally {
            if (work != null) {
                VideoProcessor.deleteWorkDirectory(work);
            }
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

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
