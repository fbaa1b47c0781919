package io.nova.content.clients;

import io.nova.clients.MediaCatalog;
import io.nova.clients.MediaDisplay;
import io.nova.clients.posts.MediaView;
import io.nova.kernel.auth.NovaPrincipal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * content-service's {@link io.nova.content.core.Media} from media-service ({@link MediaCatalog}): claiming an
 * author's ready media for a new post (and giving it back when the post cannot be written), and presigned URLs for
 * the media of a page of posts (never cached: the URLs expire).
 */
public final class MediaLibrary implements io.nova.content.core.Media {

    private final MediaCatalog catalog;

    public MediaLibrary(MediaCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void claim(NovaPrincipal author, List<UUID> ids, String claimant) {
        catalog.claim(author, ids, claimant);
    }

    @Override
    public void release(NovaPrincipal author, List<UUID> ids, String claimant) {
        catalog.release(ids, claimant);
    }

    @Override
    public Map<UUID, MediaView> views(Collection<UUID> ids) {
        Map<UUID, MediaView> views = new HashMap<>();
        catalog.ready(ids).forEach((id, item) -> {
            MediaDisplay shown = MediaDisplay.of(item);
            views.put(id, new MediaView(shown.id(), shown.type(), shown.url(), shown.thumbnailUrl()));
        });
        return views;
    }
}
