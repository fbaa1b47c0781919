package io.nova.media.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.db.Snapshot;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.media.api.CreateReelRequest;
import io.nova.media.api.ReelView;
import io.nova.media.api.RenditionView;
import io.nova.media.db.MediaPurpose;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStatus;
import io.nova.media.db.MediaStore;
import io.nova.media.db.ReelRow;
import io.nova.media.db.ReelStore;
import io.nova.media.db.RenditionRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reels: short videos, public once their media is ready; the feed lists them newest first. */
public final class ReelService {

    private final Jdbi jdbi;
    private final ReelStore reels;
    private final MediaStore media;
    private final Attachments attachments;
    private final Publications publications;
    private final MediaRemoval removal;
    private final MediaViews views;

    public ReelService(Jdbi jdbi, ReelStore reels, MediaStore media, Attachments attachments,
                       Publications publications, MediaRemoval removal, MediaViews views) {
        this.jdbi = jdbi;
        this.reels = reels;
        this.media = media;
        this.attachments = attachments;
        this.publications = publications;
        this.removal = removal;
        this.views = views;
    }

    public ReelView create(String callerId, CreateReelRequest request) {
        UUID id = UUID.randomUUID();
        UUID mediaId = Ids.param("upload_id", request.uploadId());
        jdbi.useTransaction(handle -> {
            MediaRow row = attachments.claim(handle, mediaId, callerId, MediaPurpose.REEL, "reel:" + id);
            reels.insert(handle, id, mediaId, callerId, request.caption() == null ? "" : request.caption(),
                    request.audio());
            if (row.status() == MediaStatus.READY) {
                publications.publish(handle, reels.find(handle, id).orElseThrow());
            }
        });
        return get(callerId, id);
    }

    public ReelView get(String callerId, UUID id) {
        return Snapshot.read(jdbi, handle -> {
            ReelRow reel = visible(handle, callerId, id);
            MediaRow row = media.find(handle, reel.mediaId()).orElseThrow();
            return view(reel, row, media.renditions(handle, row.id()));
        });
    }

    public void delete(String callerId, UUID id) {
        List<String> objects = jdbi.inTransaction(handle -> {
            ReelRow reel = visible(handle, callerId, id);
            if (!Audience.canDelete(callerId, reel)) {
                throw DomainException.forbidden("Only the creator may delete reel " + id);
            }
            reels.delete(handle, id);
            return media.lock(handle, reel.mediaId()).map(row -> removal.deleteRows(handle, row)).orElse(List.of());
        });
        removal.deleteObjects(objects);
    }

    public Page<ReelView> feed(PageRequest page) {
        Keyset before = page.cursor().map(Keyset::of).orElse(null);
        return Snapshot.read(jdbi, handle -> {
            Page<ReelRow> cut = Page.from(reels.feed(handle, before, page.fetchSize()), page,
                    row -> new Keyset(row.publishedAt(), row.id()).cursor());
            Map<UUID, MediaRow> byId = new HashMap<>();
            media.findAll(handle, cut.items().stream().map(ReelRow::mediaId).toList())
                    .forEach(row -> byId.put(row.id(), row));
            Map<UUID, List<RenditionRow>> renditions = media.renditions(handle, byId.keySet());
            return cut.map(row -> view(row, byId.get(row.mediaId()),
                    renditions.getOrDefault(row.mediaId(), List.of())));
        });
    }

    /** What {@link Audience} lets the caller see; anything else is indistinguishable from none. */
    private ReelRow visible(Handle handle, String callerId, UUID id) {
        return reels.find(handle, id)
                .filter(reel -> Audience.canSee(callerId, reel))
                .orElseThrow(() -> DomainException.notFound("Reel", id.toString()));
    }

    private ReelView view(ReelRow reel, MediaRow row, List<RenditionRow> renditions) {
        List<RenditionView> files = views.renditions(row, renditions);
        return new ReelView(reel.id().toString(), reel.creatorId(), reel.caption(), reel.audio(),
                row.status().wireName(), reel.publishedAt() != null, row.durationMs(), row.width(), row.height(),
                files, files.isEmpty() ? null : views.urlsExpireAt(), row.processingNote(),
                row.failureReason(), reel.createdAt());
    }
}
