package io.nova.user;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.grpc.GrpcErrors;
import io.nova.proto.user.v1.GetRelationshipRequest;
import io.nova.proto.user.v1.GetRelationshipsRequest;
import io.nova.proto.user.v1.GetUserSummariesRequest;
import io.nova.proto.user.v1.GetUserSummariesResponse;
import io.nova.proto.user.v1.GetUsersByUsernameRequest;
import io.nova.proto.user.v1.ListFollowersRequest;
import io.nova.proto.user.v1.ListFollowersResponse;
import io.nova.proto.user.v1.Relationship;
import io.nova.proto.user.v1.UserExistsRequest;
import io.nova.proto.user.v1.UserServiceGrpc;
import io.nova.proto.user.v1.UserSummary;
import io.nova.testing.ApiClient;
import io.nova.user.core.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gRPC UserService the other services call, over a real channel to the running service. */
class UserGrpcTest extends RunningUserService {

    private ManagedChannel channel;
    private UserServiceGrpc.UserServiceBlockingStub grpc;

    @BeforeAll
    void openChannel() {
        channel = GrpcChannels.open("127.0.0.1:" + service.grpcPort(), Duration.ofSeconds(5),
                UserServiceGrpc.getServiceDescriptor());
        grpc = UserServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll
    void closeChannel() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void follow(TestUsers.User who, TestUsers.User whom) {
        assertThat(http.send("PUT", "/api/v1/relationships/following/" + whom.id(), who.token(), null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void summariesOfKnownUsersOnly() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        http.send("PATCH", "/api/v1/users/me", ann.token(), ApiClient.body("display_name", "Ann", "private_account", true));
        GetUserSummariesResponse response = grpc.getUserSummaries(GetUserSummariesRequest.newBuilder()
                .addUserIds(ann.id()).addUserIds(bob.id()).addUserIds(UUID.randomUUID().toString())
                .addUserIds("garbage").build());
        assertThat(response.getUsersList()).extracting(UserSummary::getId)
                .containsExactlyInAnyOrder(ann.id(), bob.id());
        UserSummary summary = response.getUsersList().stream().filter(u -> u.getId().equals(ann.id()))
                .findFirst().orElseThrow();
        assertThat(summary.getUsername()).isEqualTo(ann.username());
        assertThat(summary.getDisplayName()).isEqualTo("Ann");
        assertThat(summary.getPrivateAccount()).isTrue();
    }

    @Test
    void summariesRefuseMoreThanAHundredIds() {
        GetUserSummariesRequest.Builder request = GetUserSummariesRequest.newBuilder();
        for (int i = 0; i < 101; i++) {
            request.addUserIds(UUID.randomUUID().toString());
        }
        assertThatThrownBy(() -> grpc.getUserSummaries(request.build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void usersByUsernameIgnoreCaseAndSkipUnknownNames() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        GetUserSummariesResponse response = grpc.getUsersByUsername(GetUsersByUsernameRequest.newBuilder()
                .addUsernames(ann.username().toUpperCase()).addUsernames(bob.username())
                .addUsernames(bob.username()).addUsernames("nobody" + TestUsers.unique()).build());
        assertThat(response.getUsersList()).extracting(UserSummary::getId)
                .containsExactlyInAnyOrder(ann.id(), bob.id());
        assertThat(response.getUsersList()).extracting(UserSummary::getUsername)
                .containsExactlyInAnyOrder(ann.username(), bob.username());

        GetUsersByUsernameRequest.Builder tooMany = GetUsersByUsernameRequest.newBuilder();
        for (int i = 0; i <= 100; i++) {
            tooMany.addUsernames("u" + i);
        }
        assertThatThrownBy(() -> grpc.getUsersByUsername(tooMany.build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void relationshipSeenFromTheFirstUser() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        follow(ann, bob);
        Relationship fromAnn = grpc.getRelationship(GetRelationshipRequest.newBuilder()
                .setUserId(ann.id()).setOtherUserId(bob.id()).build());
        assertThat(fromAnn.getFollowing()).isTrue();
        assertThat(fromAnn.getFollowedBy()).isFalse();
        http.send("PUT", "/api/v1/relationships/blocks/" + ann.id(), bob.token(), null);
        Relationship afterBlock = grpc.getRelationship(GetRelationshipRequest.newBuilder()
                .setUserId(ann.id()).setOtherUserId(bob.id()).build());
        assertThat(afterBlock.getFollowing()).isFalse();
        assertThat(afterBlock.getBlockedBy()).isTrue();
        assertThatThrownBy(() -> grpc.getRelationship(GetRelationshipRequest.newBuilder()
                .setUserId("x").setOtherUserId(bob.id()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void relationshipsOfManyPairsInTheOrderAsked() {
        TestUsers.User ann = users.register();
        TestUsers.User bob = users.register();
        TestUsers.User cid = users.register();
        follow(ann, bob);
        follow(cid, ann);
        http.send("PUT", "/api/v1/relationships/blocks/" + cid.id(), bob.token(), null);
        String nobody = UUID.randomUUID().toString();

        List<GetRelationshipRequest> pairs = List.of(pair(ann.id(), bob.id()), pair(bob.id(), ann.id()),
                pair(ann.id(), cid.id()), pair(cid.id(), bob.id()), pair(ann.id(), nobody), pair(ann.id(), bob.id()));

        List<Relationship> answers = grpc.getRelationships(GetRelationshipsRequest.newBuilder().addAllPairs(pairs)
                .build()).getRelationshipsList();

        assertThat(answers).hasSize(6);
        assertThat(answers.get(0)).isEqualTo(relationship(true, false, false, false));
        assertThat(answers.get(1)).isEqualTo(relationship(false, true, false, false));
        assertThat(answers.get(2)).isEqualTo(relationship(false, true, false, false));
        assertThat(answers.get(3)).isEqualTo(relationship(false, false, false, true));
        assertThat(answers.get(4)).as("no user, no relation").isEqualTo(Relationship.getDefaultInstance());
        assertThat(answers.get(5)).as("a pair asked twice, answered twice").isEqualTo(answers.get(0));
        for (int i = 0; i < pairs.size(); i++) {
            assertThat(answers.get(i)).as("pair %d, as GetRelationship answers it", i)
                    .isEqualTo(grpc.getRelationship(pairs.get(i)));
        }
        assertThat(grpc.getRelationships(GetRelationshipsRequest.getDefaultInstance()).getRelationshipsCount())
                .isZero();
    }

    @Test
    void relationshipsRefuseMalformedIdsAndTooManyPairs() {
        TestUsers.User ann = users.register();
        assertThatThrownBy(() -> grpc.getRelationships(GetRelationshipsRequest.newBuilder()
                .addPairs(pair(ann.id(), ann.id())).addPairs(pair(ann.id(), "not-an-id")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    DomainException error = GrpcErrors.fromStatus("user-service", e);
                    assertThat(error.code()).isEqualTo("invalid_id");
                    assertThat(error.details()).containsEntry("field", "pairs[1].other_user_id");
                });
        GetRelationshipsRequest.Builder tooMany = GetRelationshipsRequest.newBuilder();
        for (int i = 0; i <= UserDirectory.MAX_PAIRS; i++) {
            tooMany.addPairs(pair(ann.id(), UUID.randomUUID().toString()));
        }
        assertThatThrownBy(() -> grpc.getRelationships(tooMany.build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(GrpcErrors.fromStatus("user-service", e).code()).isEqualTo("too_many_pairs");
                });
    }

    private static GetRelationshipRequest pair(String user, String other) {
        return GetRelationshipRequest.newBuilder().setUserId(user).setOtherUserId(other).build();
    }

    private static Relationship relationship(boolean following, boolean followedBy, boolean blocking,
                                             boolean blockedBy) {
        return Relationship.newBuilder().setFollowing(following).setFollowedBy(followedBy).setBlocking(blocking)
                .setBlockedBy(blockedBy).build();
    }

    @Test
    void followersPageNewestFirstForFanOut() {
        TestUsers.User star = users.register();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TestUsers.User fan = users.register();
            follow(fan, star);
            expected.add(0, fan.id());
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            ListFollowersResponse page = grpc.listFollowers(ListFollowersRequest.newBuilder()
                    .setUserId(star.id()).setLimit(3).setCursor(cursor).build());
            page.getFollowersList().forEach(f -> {
                seen.add(f.getUserId());
                assertThat(f.getFollowedAt().getSeconds()).isPositive();
            });
            cursor = page.getNextCursor();
        } while (!cursor.isEmpty());
        assertThat(seen).containsExactlyElementsOf(expected);

        assertThatThrownBy(() -> grpc.listFollowers(ListFollowersRequest.newBuilder()
                .setUserId(UUID.randomUUID().toString()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> grpc.listFollowers(ListFollowersRequest.newBuilder()
                .setUserId(star.id()).setCursor("not-a-cursor").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void existsForRealUsersOnly() {
        TestUsers.User ann = users.register();
        assertThat(grpc.userExists(UserExistsRequest.newBuilder().setUserId(ann.id()).build()).getExists()).isTrue();
        assertThat(grpc.userExists(UserExistsRequest.newBuilder().setUserId(UUID.randomUUID().toString()).build())
                .getExists()).isFalse();
        assertThat(grpc.userExists(UserExistsRequest.newBuilder().setUserId("nope").build()).getExists()).isFalse();
    }
}
