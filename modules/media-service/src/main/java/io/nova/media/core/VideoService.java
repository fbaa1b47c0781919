package io.nova.media.core;

import io.nova.kernel.api.Ids;
import io.nova.kernel.db.Snapshot;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.kernel.paging.PageRequest;
import io.nova.media.api.CreateVideoRequest;
import io.nova.media.api.RenditionView;
import io.nova.media.api.UpdateVideoRequest;
import io.nova.media.api.VideoView;
import io.nova.media.db.MediaPurpose;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStatus;
import io.nova.media.db.MediaStore;
import io.nova.media.db.RenditionRow;
import io.nova.media.db.VideoRow;
import io.nova.media.db.VideoStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Videos: made from the creator's own completed upload, visible to others once published (media ready) and not
 * private, edited and deleted by the creator only. Deleting removes the media and its objects.
 */
public final class VideoService {

    private final Jdbi jdbi;
    private final VideoStore videos;
    private final MediaStore media;
    private final Attachments attachments;
    private final Publications publications;
    private final MediaRemoval removal;
    private final MediaViews views;

    public VideoService(Jdbi jdbi, VideoStore videos, MediaStore media, Attachments attachments,
                        Publications publications, MediaRemoval removal, MediaViews views) {
        this.jdbi = jdbi;
        this.videos = videos;
        this.media = media;
        this.attachments = attachments;
        this.publications = publications;
        this.removal = removal;
        this.views = views;
    }

    public VideoView create(String callerId, CreateVideoRequest request) {
        UUID id = UUID.randomUUID();
        UUID mediaId = Ids.param("upload_id", request.uploadId());
        String visibility = request.visibility() == null ? "public" : request.visibility();
        jdbi.useTransaction(handle -> {
            MediaRow row = attachments.claim(handle, mediaId, callerId, MediaPurpose.VIDEO, "video:" + id);
            videos.insert(handle, id, mediaId, callerId, request.title().strip(),
                    request.description() == null ? "" : request.description(), visibility);
            if (row.status() == MediaStatus.READY) {
                publications.publish(handle, videos.find(handle, id).orElseThrow());
            }
        });
        return get(callerId, id);
    }

    public VideoView get(String callerId, UUID id) {
        return Snapshot.read(jdbi, handle -> view(handle, visible(handle, callerId, id)));
    }

    public VideoView update(String callerId, UUID id, UpdateVideoRequest request) {
        jdbi.useTransaction(handle -> {
            VideoRow video = own(handle, callerId, id);
            videos.update(handle, id, request.title() == null ? video.title() : request.title().strip(),
                    request.description() == null ? video.description() : request.description(),
                    request.visibility() == null ? video.visibility() : request.visibility());
        });
        return get(callerId, id);
    }

    public void delete(String callerId, UUID id) {
        List<String> objects = jdbi.inTransaction(handle -> {
            VideoRow video = own(handle, callerId, id);
            videos.delete(handle, id);
            return media.lock(handle, video.mediaId()).map(row -> removal.deleteRows(handle, row)).orElse(List.of());
        });
        removal.deleteObjects(objects);
    }

    /** A creator's videos, newest first: all of them for the creator, public published ones for others. */
    public Page<VideoView> byCreator(String callerId, String creatorId, PageRequest page) {
        Keyset before = page.cursor().map(Keyset::of).orElse(null);
        return Snapshot.read(jdbi, handle -> {
            List<VideoRow> rows = videos.byCreator(handle, creatorId, Audience.seesEverythingOf(callerId, creatorId),
                    before, page.fetchSize());
            Page<VideoRow> cut = Page.from(rows, page, row -> new Keyset(row.createdAt(), row.id()).cursor());
            Map<UUID, MediaRow> byId = mediaOf(handle, cut.items().stream().map(VideoRow::mediaId).toList());
            Map<UUID, List<RenditionRow>> renditions = media.renditions(handle, byId.keySet());
            return cut.map(row -> view(row, byId.get(row.mediaId()),
                    renditions.getOrDefault(row.mediaId(), List.of())));
        });
    }

    /** What {@link Audience} lets the caller see; anything else is indistinguishable from none. */
    private VideoRow visible(Handle handle, String callerId, UUID id) {
        return videos.find(handle, id)
                .filter(video -> Audience.canSee(callerId, video))
                .orElseThrow(() -> DomainException.notFound("Video", id.toString()));
    }

    private VideoRow own(Handle handle, String callerId, UUID id) {
        VideoRow video = visible(handle, callerId, id);
        if (!Audience.canChange(callerId, video)) {
            throw DomainException.forbidden("Only the creator may change or delete video " + id);
        }
        return video;
    }

    private VideoView view(Handle handle, VideoRow video) {
        MediaRow row = media.find(handle, video.mediaId()).orElseThrow();
        return view(video, row, media.renditions(handle, row.id()));
    }

    private VideoView view(VideoRow video, MediaRow row, List<RenditionRow> renditions) {
        List<RenditionView> files = views.renditions(row, renditions);
        return new VideoView(video.id().toString(), video.creatorId(), video.title(), video.description(),
                video.visibility(), row.status().wireName(), video.publishedAt() != null, row.durationMs(),
                row.width(), row.height(), files, files.isEmpty() ? null : views.urlsExpireAt(),
                row.processingNote(), row.failureReason(), video.createdAt(),
                video.updatedAt());
    }

    private Map<UUID, MediaRow> mediaOf(Handle handle, List<UUID> ids) {
        Map<UUID, MediaRow> byId = new java.util.HashMap<>();
        media.findAll(handle, ids).forEach(row -> byId.put(row.id(), row));
        return byId;
    }
}
