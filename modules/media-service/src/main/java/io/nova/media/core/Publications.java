package io.nova.media.core;

import io.nova.contracts.EventTypes;
import io.nova.kernel.events.Outbox;
import io.nova.contracts.Topics;
import io.nova.media.api.PublishedEvent;
import io.nova.media.db.ReelRow;
import io.nova.media.db.ReelStore;
import io.nova.media.db.VideoRow;
import io.nova.media.db.VideoStore;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.UUID;

/**
 * A video or reel is published — visible to others, announced with video.published or reel.published — once it
 * exists and its media is ready, whichever happens last. Each is announced once.
 */
public final class Publications {

    private final VideoStore videos;
    private final ReelStore reels;
    private final Outbox outbox;

    public Publications(VideoStore videos, ReelStore reels, Outbox outbox) {
        this.videos = videos;
        this.reels = reels;
        this.outbox = outbox;
    }

    /** Called in the transaction that made the media ready. */
    public void mediaReady(Handle handle, UUID mediaId) {
        videos.findByMedia(handle, mediaId).ifPresent(video -> publish(handle, video));
        reels.findByMedia(handle, mediaId).ifPresent(reel -> publish(handle, reel));
    }

    public void publish(Handle handle, VideoRow video) {
        if (videos.markPublished(handle, video.id())) {
            outbox.append(handle, Topics.MEDIA_EVENTS, EventTypes.VIDEO_PUBLISHED, video.id().toString(),
                    new PublishedEvent(video.id().toString(), video.creatorId(), video.mediaId().toString(),
                            video.visibility(), Instant.now()));
        }
    }

    public void publish(Handle handle, ReelRow reel) {
        if (reels.markPublished(handle, reel.id())) {
            outbox.append(handle, Topics.MEDIA_EVENTS, EventTypes.REEL_PUBLISHED, reel.id().toString(),
                    new PublishedEvent(reel.id().toString(), reel.creatorId(), reel.mediaId().toString(), "public",
                            Instant.now()));
        }
    }
}
