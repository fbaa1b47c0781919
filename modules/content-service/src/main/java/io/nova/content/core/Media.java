package io.nova.content.core;

import io.nova.clients.posts.MediaView;
import io.nova.kernel.auth.NovaPrincipal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The media posts attach (media-service's, reached through an implementation in clients). */
public interface Media {

    /**
     * Claims the media for {@code claimant} on the author's behalf, all or nothing. Media that is unknown, someone
     * else's, not ready, or used elsewhere is the author's mistake: a 422 ({@code media_not_found},
     * {@code media_not_yours}, {@code media_not_usable}, {@code invalid_media}) naming the media in
     * {@code details.media_id}.
     */
    void claim(NovaPrincipal author, List<UUID> ids, String claimant);

    /** Gives back what {@code claimant} holds among {@code ids}, e.g. for a post that could not be written. */
    void release(NovaPrincipal author, List<UUID> ids, String claimant);

    /** Views of the ready media among {@code ids}; unknown, deleted or unfinished media is absent. */
    Map<UUID, MediaView> views(Collection<UUID> ids);
}
