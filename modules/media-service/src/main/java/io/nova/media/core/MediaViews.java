package io.nova.media.core;

import io.nova.kernel.storage.S3Storage;
import io.nova.media.api.MediaView;
import io.nova.media.api.RenditionView;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStatus;
import io.nova.media.db.RenditionRow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns stored media into what clients see, with freshly presigned download URLs for files that exist. */
public final class MediaViews {

    public static final String ORIGINAL = "original";

    private final S3Storage storage;
    private final Duration urlTtl;
    private final Clock clock;

    public MediaViews(S3Storage storage, Duration urlTtl, Clock clock) {
        this.storage = storage;
        this.urlTtl = urlTtl;
        this.clock = clock;
    }

    /** When URLs presigned now stop working. */
    public Instant urlsExpireAt() {
        return clock.instant().plus(urlTtl);
    }

    /** The original first, then the renditions made from it; nothing until the upload is verified. */
    public List<RenditionView> renditions(MediaRow media, List<RenditionRow> derived) {
        if (!media.status().isVerified()) {
            return List.of();
        }
        List<RenditionView> views = new ArrayList<>(derived.size() + 1);
        views.add(new RenditionView(ORIGINAL, url(media.objectKey()), media.contentType(), media.width(),
                media.height(), media.sizeBytes()));
        for (RenditionRow rendition : derived) {
            views.add(new RenditionView(rendition.name(), url(rendition.objectKey()), rendition.contentType(),
                    rendition.width(), rendition.height(), rendition.sizeBytes()));
        }
        return views;
    }

    public MediaView view(MediaRow media, List<RenditionRow> derived) {
        List<RenditionView> renditions = renditions(media, derived);
        return new MediaView(media.id().toString(), media.purpose().wireName(), media.status().wireName(),
                media.filename(), media.contentType(), media.sizeBytes(), media.width(), media.height(),
                media.durationMs(), renditions,
                renditions.isEmpty() ? null : urlsExpireAt(),
                media.processingNote(), media.failureReason(),
                media.status() == MediaStatus.PENDING ? media.pendingUntil() : null,
                media.createdAt());
    }

    private String url(String key) {
        return storage.presignDownload(key, urlTtl).toString();
    }
}
