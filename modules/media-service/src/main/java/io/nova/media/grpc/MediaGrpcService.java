package io.nova.media.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.kernel.grpc.GrpcIdentity;
import io.nova.media.api.RenditionView;
import io.nova.media.core.MediaViews;
import io.nova.media.core.MediaStatus;
import io.nova.media.db.MediaRow;
import io.nova.media.db.MediaStore;
import io.nova.media.db.RenditionRow;
import io.nova.proto.media.v1.ClaimMediaRequest;
import io.nova.proto.media.v1.ClaimMediaResponse;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.GetMediaResponse;
import io.nova.proto.media.v1.Media;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.media.v1.MediaType;
import io.nova.proto.media.v1.ReleaseMediaRequest;
import io.nova.proto.media.v1.ReleaseMediaResponse;
import io.nova.proto.media.v1.Rendition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The gRPC {@code nova.media.v1.MediaService}: hydrating media for posts, profiles and messages, and claiming it. */
public final class MediaGrpcService extends MediaServiceGrpc.MediaServiceImplBase {

    static final int MAX_IDS = 100;
    static final int MAX_CLAIMANT = 100;

    private final Jdbi jdbi;
    private final MediaStore store;
    private final MediaViews views;

    public MediaGrpcService(Jdbi jdbi, MediaStore store, MediaViews views) {
        this.jdbi = jdbi;
        this.store = store;
        this.views = views;
    }

    @Override
    public void getMedia(GetMediaRequest request, StreamObserver<GetMediaResponse> response) {
        try {
            Set<UUID> ids = ids(request.getMediaIdsList(), false);
            List<Media> found = jdbi.withHandle(handle -> describe(handle, store.findAll(handle, ids)));
            response.onNext(GetMediaResponse.newBuilder().addAllMedia(found).build());
            response.onCompleted();
        } catch (StatusRuntimeException e) {
            response.onError(e);
        }
    }

    @Override
    public void claimMedia(ClaimMediaRequest request, StreamObserver<ClaimMediaResponse> response) {
        try {
            String owner = request.getOwnerId();
            String claimant = request.getClaimant();
            if (owner.isBlank() || claimant.isBlank() || claimant.length() > MAX_CLAIMANT) {
                throw invalid("owner_id and claimant (at most " + MAX_CLAIMANT + " characters) are required");
            }
            Optional<NovaPrincipal> caller = GrpcIdentity.caller();
            if (caller.isPresent() && !caller.get().userId().equals(owner)) {
                throw Status.PERMISSION_DENIED.withDescription("a user may only claim their own media")
                        .asRuntimeException();
            }
            Set<UUID> ids = ids(request.getMediaIdsList(), true);
            if (ids.isEmpty()) {
                throw invalid("media_ids is empty");
            }
            List<Media> claimed = jdbi.inTransaction(handle -> {
                List<MediaRow> rows = new ArrayList<>();
                for (UUID id : ids) {
                    MediaRow media = store.lock(handle, id).orElseThrow(() -> DomainException.of(ErrorKind.NOT_FOUND,
                            "media_not_found", "media " + id + " does not exist", Map.of("media_id", id)));
                    if (!media.ownedBy(owner)) {
                        throw DomainException.of(ErrorKind.FORBIDDEN, "media_not_yours",
                                "media " + id + " belongs to someone else", Map.of("media_id", id));
                    }
                    if (media.status() != MediaStatus.READY) {
                        throw DomainException.unprocessable("media_not_ready", "media " + id + " is "
                                + media.status().wireName() + ", not ready", Map.of("media_id", id));
                    }
                    if (!store.claim(handle, id, claimant)) {
                        throw DomainException.unprocessable("media_in_use", "media " + id + " is already used by "
                                + media.claimedBy(), Map.of("media_id", id));
                    }
                    rows.add(store.find(handle, id).orElseThrow());
                }
                return describe(handle, rows);
            });
            response.onNext(ClaimMediaResponse.newBuilder().addAllMedia(claimed).build());
            response.onCompleted();
        } catch (StatusRuntimeException e) {
            response.onError(e);
        }
    }

    @Override
    public void releaseMedia(ReleaseMediaRequest request, StreamObserver<ReleaseMediaResponse> response) {
        try {
            String claimant = request.getClaimant();
            if (claimant.isBlank() || claimant.length() > MAX_CLAIMANT) {
                throw invalid("claimant (at most " + MAX_CLAIMANT + " characters) is required");
            }
            Set<UUID> ids = ids(request.getMediaIdsList(), false);
            Optional<NovaPrincipal> caller = GrpcIdentity.caller();
            List<UUID> released = jdbi.inTransaction(handle -> {
                if (caller.isPresent()) {
                    for (MediaRow media : store.findAll(handle, ids)) {
                        if (!media.ownedBy(caller.get().userId())) {
                            throw Status.PERMISSION_DENIED.withDescription("a user may only release their own media")
                                    .asRuntimeException();
                        }
                    }
                }
                return store.release(handle, ids, claimant);
            });
            response.onNext(ReleaseMediaResponse.newBuilder()
                    .addAllReleasedIds(released.stream().map(UUID::toString).toList()).build());
            response.onCompleted();
        } catch (StatusRuntimeException e) {
            response.onError(e);
        }
    }

    private List<Media> describe(Handle handle, List<MediaRow> rows) {
        Map<UUID, List<RenditionRow>> renditions = store.renditions(handle, rows.stream().map(MediaRow::id).toList());
        Instant expires = views.urlsExpireAt();
        List<Media> out = new ArrayList<>(rows.size());
        for (MediaRow row : rows) {
            Media.Builder media = Media.newBuilder()
                    .setId(row.id().toString())
                    .setOwnerId(row.ownerId())
                    .setType(switch (row.purpose()) {
                        case IMAGE -> MediaType.MEDIA_TYPE_IMAGE;
                        case VIDEO -> MediaType.MEDIA_TYPE_VIDEO;
                        case REEL -> MediaType.MEDIA_TYPE_REEL;
                    })
                    .setStatus(switch (row.status()) {
                        case PENDING -> io.nova.proto.media.v1.MediaStatus.MEDIA_STATUS_PENDING;
                        case PROCESSING -> io.nova.proto.media.v1.MediaStatus.MEDIA_STATUS_PROCESSING;
                        case READY -> io.nova.proto.media.v1.MediaStatus.MEDIA_STATUS_READY;
                        case FAILED -> io.nova.proto.media.v1.MediaStatus.MEDIA_STATUS_FAILED;
                    })
                    .setContentType(row.contentType())
                    .setSizeBytes(row.sizeBytes())
                    .setWidth(orZero(row.width()))
                    .setHeight(orZero(row.height()))
                    .setDurationMs(row.durationMs() == null ? 0 : row.durationMs())
                    .setFailureReason(row.failureReason() == null ? "" : row.failureReason())
                    .setClaimedBy(row.claimedBy() == null ? "" : row.claimedBy());
            List<RenditionView> files = views.renditions(row, renditions.getOrDefault(row.id(), List.of()));
            for (RenditionView file : files) {
                media.addRenditions(Rendition.newBuilder().setName(file.name()).setUrl(file.url())
                        .setContentType(file.contentType()).setWidth(orZero(file.width()))
                        .setHeight(orZero(file.height())));
            }
            if (!files.isEmpty()) {
                media.setUrlsExpireAt(Timestamp.newBuilder().setSeconds(expires.getEpochSecond())
                        .setNanos(expires.getNano()));
            }
            out.add(media.build());
        }
        return out;
    }

    /** At most 100 ids; malformed ones name nothing (skipped), unless {@code strict}. */
    private static Set<UUID> ids(List<String> values, boolean strict) {
        if (values.size() > MAX_IDS) {
            throw invalid("at most " + MAX_IDS + " media ids per call, got " + values.size());
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                if (strict) {
                    throw DomainException.of(ErrorKind.NOT_FOUND, "media_not_found",
                            "media " + value + " does not exist", Map.of("media_id", value));
                }
            }
        }
        return ids;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
