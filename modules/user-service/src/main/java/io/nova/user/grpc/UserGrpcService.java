package io.nova.user.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.paging.Cursor;
import io.nova.proto.user.v1.GetRelationshipRequest;
import io.nova.proto.user.v1.GetUsersByUsernameRequest;
import io.nova.proto.user.v1.GetUserSummariesRequest;
import io.nova.proto.user.v1.GetUserSummariesResponse;
import io.nova.proto.user.v1.ListFollowersRequest;
import io.nova.proto.user.v1.ListFollowersResponse;
import io.nova.proto.user.v1.Relationship;
import io.nova.proto.user.v1.UserExistsRequest;
import io.nova.proto.user.v1.UserExistsResponse;
import io.nova.proto.user.v1.UserServiceGrpc;
import io.nova.proto.user.v1.UserSummary;
import io.nova.user.core.Avatars;
import io.nova.user.core.EdgeCursors;
import io.nova.user.core.UserIds;
import io.nova.user.db.GraphStore;
import io.nova.user.db.ProfileRow;
import io.nova.user.db.ProfileStore;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** What user-service answers the other services over gRPC (nova.user.v1.UserService). */
public final class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

    static final int MAX_SUMMARIES = 100;
    static final int DEFAULT_FOLLOWERS = 500;
    static final int MAX_FOLLOWERS = 1000;

    private final Jdbi jdbi;
    private final ProfileStore profiles;
    private final GraphStore graph;
    private final Avatars avatars;

    public UserGrpcService(Jdbi jdbi, ProfileStore profiles, GraphStore graph, Avatars avatars) {
        this.jdbi = jdbi;
        this.profiles = profiles;
        this.graph = graph;
        this.avatars = avatars;
    }

    @Override
    public void getUserSummaries(GetUserSummariesRequest request, StreamObserver<GetUserSummariesResponse> response) {
        answer(response, () -> {
            if (request.getUserIdsCount() > MAX_SUMMARIES) {
                throw invalid("at most " + MAX_SUMMARIES + " user ids per call, got " + request.getUserIdsCount());
            }
            Set<UUID> ids = new LinkedHashSet<>();
            request.getUserIdsList().forEach(id -> UserIds.parse(id).ifPresent(ids::add));
            List<ProfileRow> rows = jdbi.withHandle(handle -> profiles.findAll(handle, ids));
            return summaries(rows);
        });
    }

    @Override
    public void getUsersByUsername(GetUsersByUsernameRequest request,
                                   StreamObserver<GetUserSummariesResponse> response) {
        answer(response, () -> {
            if (request.getUsernamesCount() > MAX_SUMMARIES) {
                throw invalid("at most " + MAX_SUMMARIES + " usernames per call, got " + request.getUsernamesCount());
            }
            Set<String> names = new LinkedHashSet<>();
            request.getUsernamesList().forEach(name -> names.add(name.toLowerCase(java.util.Locale.ROOT)));
            List<ProfileRow> rows = jdbi.withHandle(handle -> names.stream()
                    .map(name -> profiles.findByUsername(handle, name))
                    .flatMap(Optional::stream)
                    .toList());
            return summaries(rows);
        });
    }

    @Override
    public void getRelationship(GetRelationshipRequest request, StreamObserver<Relationship> response) {
        answer(response, () -> {
            UUID user = requiredId(request.getUserId(), "user_id");
            UUID other = requiredId(request.getOtherUserId(), "other_user_id");
            GraphStore.Relation relation = jdbi.withHandle(handle -> graph.relation(handle, user, other));
            return Relationship.newBuilder()
                    .setFollowing(relation.following())
                    .setFollowedBy(relation.followedBy())
                    .setBlocking(relation.blocking())
                    .setBlockedBy(relation.blockedBy())
                    .build();
        });
    }

    @Override
    public void listFollowers(ListFollowersRequest request, StreamObserver<ListFollowersResponse> response) {
        answer(response, () -> {
            UUID user = requiredId(request.getUserId(), "user_id");
            int limit = request.getLimit() <= 0 ? DEFAULT_FOLLOWERS : Math.min(request.getLimit(), MAX_FOLLOWERS);
            Optional<GraphStore.Edge> after = request.getCursor().isEmpty()
                    ? Optional.empty() : Optional.of(EdgeCursors.after(Cursor.decode(request.getCursor())));
            List<GraphStore.Edge> edges = jdbi.withHandle(handle -> {
                if (!profiles.exists(handle, user)) {
                    throw Status.NOT_FOUND.withDescription("user " + user + " does not exist").asRuntimeException();
                }
                return graph.followers(handle, user, after, limit + 1);
            });
            ListFollowersResponse.Builder answer = ListFollowersResponse.newBuilder();
            edges.stream().limit(limit).forEach(edge -> answer.addFollowers(ListFollowersResponse.Follower.newBuilder()
                    .setUserId(edge.userId().toString())
                    .setFollowedAt(timestamp(edge.createdAt()))));
            if (edges.size() > limit) {
                answer.setNextCursor(EdgeCursors.of(edges.get(limit - 1)).encode());
            }
            return answer.build();
        });
    }

    @Override
    public void userExists(UserExistsRequest request, StreamObserver<UserExistsResponse> response) {
        answer(response, () -> {
            Optional<UUID> id = UserIds.parse(request.getUserId());
            boolean exists = id.isPresent() && jdbi.withHandle(handle -> profiles.exists(handle, id.get()));
            return UserExistsResponse.newBuilder().setExists(exists).build();
        });
    }

    /** Sends the answer, or the status the failure stands for; a bad argument never looks like a server fault. */
    private static <T> void answer(StreamObserver<T> response, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (io.grpc.StatusRuntimeException e) {
            response.onError(e);
            return;
        } catch (DomainException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }

    /** Summaries with avatar URLs, fetched from media-service in one call (or left empty while it is away). */
    private GetUserSummariesResponse summaries(List<ProfileRow> rows) {
        Map<UUID, String> avatarUrls = avatars.urls(rows.stream().map(ProfileRow::avatarMediaId).toList());
        GetUserSummariesResponse.Builder answer = GetUserSummariesResponse.newBuilder();
        rows.forEach(row -> answer.addUsers(UserSummary.newBuilder()
                .setId(row.id().toString())
                .setUsername(row.username())
                .setDisplayName(row.displayName())
                .setAvatarUrl(avatarUrls.getOrDefault(row.avatarMediaId(), ""))
                .setPrivateAccount(row.privateAccount())));
        return answer.build();
    }

    private static UUID requiredId(String text, String field) {
        return UserIds.parse(text).orElseThrow(() -> invalid(field + " must be a user id, got '" + text + "'"));
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static io.grpc.StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
