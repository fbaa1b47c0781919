package io.nova.messaging.core;

import io.nova.kernel.auth.NovaPrincipal;
import io.nova.messaging.api.MediaView;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The media messages carry (media-service's, reached through an implementation in clients). */
public interface Media {

    /**
     * Claims the sender's media for {@code claimant}, all or nothing, and returns it in the order given. Media that
     * is unknown, someone else's, not ready, or used elsewhere is the sender's mistake: a 422
     * ({@code media_not_found}, {@code media_not_yours}, {@code media_not_usable}, {@code invalid_media}) naming the
     * media in {@code details.media_id}.
     */
    List<MediaView> claim(NovaPrincipal sender, List<UUID> ids, String claimant);

    /** Gives back what {@code claimant} holds of {@code ids}; repeating it changes nothing. */
    void release(List<UUID> ids, String claimant);

    /** Views of the ready media among {@code ids}; unknown, deleted or unfinished media is absent. */
    Map<UUID, MediaView> views(Collection<UUID> ids);
}
