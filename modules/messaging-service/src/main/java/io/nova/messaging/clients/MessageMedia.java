package io.nova.messaging.clients;

import io.nova.clients.MediaCatalog;
import io.nova.clients.MediaDisplay;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.messaging.api.MediaView;
import io.nova.messaging.core.Media;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** messaging-service's {@link Media} from media-service ({@link MediaCatalog}). */
public final class MessageMedia implements Media {

    private final MediaCatalog catalog;

    public MessageMedia(MediaCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<MediaView> claim(NovaPrincipal sender, List<UUID> ids, String claimant) {
        Map<UUID, MediaView> claimed = new HashMap<>();
        catalog.claim(sender, ids, claimant).forEach(item -> claimed.put(UUID.fromString(item.getId()), view(item)));
        return ids.stream().map(claimed::get).filter(Objects::nonNull).toList();
    }

    @Override
    public void release(List<UUID> ids, String claimant) {
        catalog.release(ids, claimant);
    }

    @Override
    public Map<UUID, MediaView> views(Collection<UUID> ids) {
        Map<UUID, MediaView> views = new HashMap<>();
        catalog.ready(ids).forEach((id, item) -> views.put(id, view(item)));
        return views;
    }

    private static MediaView view(io.nova.proto.media.v1.Media item) {
        MediaDisplay shown = MediaDisplay.of(item);
        return new MediaView(shown.id(), shown.type(), shown.url(), shown.thumbnailUrl());
    }
}
