package io.nova.user.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.nova.kernel.paging.Keyset;
import io.nova.kernel.paging.Page;
import io.nova.proto.user.v1.GetRelationshipRequest;
import io.nova.proto.user.v1.GetRelationshipsRequest;
import io.nova.proto.user.v1.GetRelationshipsResponse;
import io.nova.proto.user.v1.GetUserSummariesRequest;
import io.nova.proto.user.v1.GetUserSummariesResponse;
import io.nova.proto.user.v1.GetUsersByUsernameRequest;
import io.nova.proto.user.v1.ListFollowersRequest;
import io.nova.proto.user.v1.ListFollowersResponse;
import io.nova.proto.user.v1.Relationship;
import io.nova.proto.user.v1.UserExistsRequest;
import io.nova.proto.user.v1.UserExistsResponse;
import io.nova.proto.user.v1.UserServiceGrpc;
import io.nova.proto.user.v1.UserSummary;
import io.nova.user.api.RelationshipView;
import io.nova.user.api.UserProfile;
import io.nova.user.core.UserDirectory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * nova.user.v1.UserService for the other services: translates messages to {@link UserDirectory} calls and back.
 * Refusals are thrown as DomainExceptions; the kernel's interceptor turns them into statuses.
 */
public final class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

    private final UserDirectory directory;

    public UserGrpcService(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void getUserSummaries(GetUserSummariesRequest request, StreamObserver<GetUserSummariesResponse> response) {
        reply(response, summaries(directory.byIds(request.getUserIdsList())));
    }

    @Override
    public void getUsersByUsername(GetUsersByUsernameRequest request,
                                   StreamObserver<GetUserSummariesResponse> response) {
        reply(response, summaries(directory.byUsernames(request.getUsernamesList())));
    }

    @Override
    public void getRelationship(GetRelationshipRequest request, StreamObserver<Relationship> response) {
        reply(response, relationship(directory.relationship(request.getUserId(), request.getOtherUserId())));
    }

    @Override
    public void getRelationships(GetRelationshipsRequest request,
                                 StreamObserver<GetRelationshipsResponse> response) {
        List<Map.Entry<String, String>> pairs = request.getPairsList().stream()
                .map(pair -> Map.entry(pair.getUserId(), pair.getOtherUserId()))
                .toList();
        GetRelationshipsResponse.Builder answer = GetRelationshipsResponse.newBuilder();
        directory.relationships(pairs).forEach(relation -> answer.addRelationships(relationship(relation)));
        reply(response, answer.build());
    }

    private static Relationship relationship(RelationshipView relation) {
        return Relationship.newBuilder()
                .setFollowing(relation.following())
                .setFollowedBy(relation.followedBy())
                .setBlocking(relation.blocking())
                .setBlockedBy(relation.blockedBy())
                .build();
    }

    @Override
    public void listFollowers(ListFollowersRequest request, StreamObserver<ListFollowersResponse> response) {
        Page<Keyset> page = directory.followers(request.getUserId(), request.getLimit(), request.getCursor());
        ListFollowersResponse.Builder answer = ListFollowersResponse.newBuilder();
        page.items().forEach(edge -> answer.addFollowers(ListFollowersResponse.Follower.newBuilder()
                .setUserId(edge.id().toString())
                .setFollowedAt(timestamp(edge.at()))));
        if (page.nextCursor() != null) {
            answer.setNextCursor(page.nextCursor());
        }
        reply(response, answer.build());
    }

    @Override
    public void userExists(UserExistsRequest request, StreamObserver<UserExistsResponse> response) {
        reply(response, UserExistsResponse.newBuilder().setExists(directory.exists(request.getUserId())).build());
    }

    private static <T> void reply(StreamObserver<T> response, T answer) {
        response.onNext(answer);
        response.onCompleted();
    }

    /** Avatar URLs are empty while media-service is away (proto strings have no null). */
    private static GetUserSummariesResponse summaries(List<UserProfile> users) {
        GetUserSummariesResponse.Builder answer = GetUserSummariesResponse.newBuilder();
        users.forEach(user -> answer.addUsers(UserSummary.newBuilder()
                .setId(user.id())
                .setUsername(user.username())
                .setDisplayName(user.displayName())
                .setAvatarUrl(user.avatarUrl() == null ? "" : user.avatarUrl())
                .setPrivateAccount(user.privateAccount())));
        return answer.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
