package io.nova.user;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.proto.user.v1.GetRelationshipRequest;
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
