package io.nova.content;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.proto.content.v1.GetPostsRequest;
import io.nova.proto.content.v1.ListAuthorPostIdsRequest;
import io.nova.proto.content.v1.ListAuthorPostIdsResponse;
import io.nova.proto.content.v1.Post;
import io.nova.proto.content.v1.Visibility;
import io.nova.testing.People;
import io.nova.testing.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gRPC ContentService the feed calls, over a real channel to the running service. */
class ContentGrpcTest extends RunningContentStack {

    private ManagedChannel channel;
    private ContentServiceGrpc.ContentServiceBlockingStub grpc;

    @BeforeAll
    void openChannel() {
        channel = GrpcChannels.open("127.0.0.1:" + stack.content.grpcPort(), Duration.ofSeconds(5),
                ContentServiceGrpc.getServiceDescriptor());
        grpc = ContentServiceGrpc.newBlockingStub(channel);
    }

    @AfterAll
    void closeChannel() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private String post(People.Person author, Object... fields) {
        HttpResponse<String> response = http.send("POST", "/api/v1/posts", author.token(), ApiClient.body(fields));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asText();
    }

    private List<Post> posts(People.Person viewer, String... ids) {
        return grpc.getPosts(GetPostsRequest.newBuilder().setViewerId(viewer.id()).addAllPostIds(List.of(ids)).build())
                .getPostsList();
    }

    @Test
    void batchGetAppliesVisibilityAndKeepsTheOrderAsked() {
        People.Person ann = people.register();
        People.Person follower = people.register();
        People.Person stranger = people.register();
        People.Person blocker = people.register();
        people.follow(follower, ann);
        String open = post(ann, "text", "hello #grpc");
        String closed = post(ann, "text", "followers", "visibility", "followers");
        String deleted = post(ann, "text", "gone");
        String blockers = post(blocker, "text", "not for ann's fans");
        http.send("DELETE", "/api/v1/posts/" + deleted, ann.token(), null);
        http.send("PUT", "/api/v1/posts/" + open + "/like", follower.token(), null);
        people.block(blocker, follower);

        String[] asked = {closed, blockers, open, deleted, UUID.randomUUID().toString(), "junk"};
        assertThat(posts(follower, asked)).extracting(Post::getId).containsExactly(closed, open);
        assertThat(posts(stranger, asked)).extracting(Post::getId).containsExactly(blockers, open);
        assertThat(posts(ann, asked)).extracting(Post::getId).containsExactly(closed, blockers, open);

        Post hydrated = posts(follower, open).get(0);
        assertThat(hydrated.getAuthor().getId()).isEqualTo(ann.id());
        assertThat(hydrated.getAuthor().getUsername()).isEqualTo(ann.username());
        assertThat(hydrated.getText()).isEqualTo("hello #grpc");
        assertThat(hydrated.getHashtagsList()).containsExactly("grpc");
        assertThat(hydrated.getVisibility()).isEqualTo(Visibility.VISIBILITY_PUBLIC);
        assertThat(hydrated.getLikeCount()).isEqualTo(1);
        assertThat(hydrated.getLikedByMe()).isTrue();
        assertThat(hydrated.hasCreatedAt()).isTrue();
        assertThat(hydrated.hasEditedAt()).isFalse();
        assertThat(posts(stranger, open).get(0).getLikedByMe()).isFalse();
    }

    @Test
    void aBatchNeverUsesARelationSeenBeforeAFollowOrBlock() {
        People.Person ann = people.register();
        People.Person bob = people.register();
        People.Person viewer = people.register();
        String annOpen = post(ann, "text", "ann, for everyone");
        String annClosed = post(ann, "text", "ann, for followers", "visibility", "followers");
        String bobOpen = post(bob, "text", "bob, for everyone");
        String[] page = {annClosed, bobOpen, annOpen};
        // The same viewer–author pairs each time: cached between the reads, so only the relationship versions that
        // user-service changes before it confirms a follow or block can make each read right.
        assertThat(posts(viewer, page)).extracting(Post::getId).containsExactly(bobOpen, annOpen);
        assertThat(posts(viewer, page)).extracting(Post::getId).containsExactly(bobOpen, annOpen);

        people.follow(viewer, ann);
        assertThat(posts(viewer, page)).extracting(Post::getId).containsExactly(annClosed, bobOpen, annOpen);

        people.block(bob, viewer);
        assertThat(posts(viewer, page)).extracting(Post::getId).containsExactly(annClosed, annOpen);
        people.unblock(bob, viewer);
        assertThat(posts(viewer, page)).extracting(Post::getId).containsExactly(annClosed, bobOpen, annOpen);
    }

    @Test
    void badRequestsAreInvalidArgument() {
        People.Person ann = people.register();
        GetPostsRequest.Builder tooMany = GetPostsRequest.newBuilder().setViewerId(ann.id());
        for (int i = 0; i <= 100; i++) {
            tooMany.addPostIds(UUID.randomUUID().toString());
        }
        assertCode(() -> grpc.getPosts(tooMany.build()), Status.Code.INVALID_ARGUMENT);
        assertCode(() -> grpc.getPosts(GetPostsRequest.newBuilder().setViewerId("who").build()),
                Status.Code.INVALID_ARGUMENT);
        assertCode(() -> grpc.listAuthorPostIds(ListAuthorPostIdsRequest.newBuilder().setAuthorId("x").build()),
                Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void authorPostIdsSinceATimeNewestFirst() throws InterruptedException {
        People.Person ann = people.register();
        String old = post(ann, "text", "old");
        Thread.sleep(20);
        Instant cut = Instant.now();
        Thread.sleep(20);
        String recent = post(ann, "text", "recent", "visibility", "followers");
        String newest = post(ann, "text", "newest");
        String gone = post(ann, "text", "deleted");
        http.send("DELETE", "/api/v1/posts/" + gone, ann.token(), null);

        ListAuthorPostIdsResponse all = grpc.listAuthorPostIds(ListAuthorPostIdsRequest.newBuilder()
                .setAuthorId(ann.id()).build());
        assertThat(all.getPostsList()).extracting(ListAuthorPostIdsResponse.PostRef::getPostId)
                .containsExactly(newest, recent, old);
        ListAuthorPostIdsResponse since = grpc.listAuthorPostIds(ListAuthorPostIdsRequest.newBuilder()
                .setAuthorId(ann.id())
                .setSince(Timestamp.newBuilder().setSeconds(cut.getEpochSecond()).setNanos(cut.getNano()))
                .build());
        assertThat(since.getPostsList()).extracting(ListAuthorPostIdsResponse.PostRef::getPostId)
                .containsExactly(newest, recent);
        assertThat(since.getPosts(1).getVisibility()).isEqualTo(Visibility.VISIBILITY_FOLLOWERS);
        ListAuthorPostIdsResponse limited = grpc.listAuthorPostIds(ListAuthorPostIdsRequest.newBuilder()
                .setAuthorId(ann.id()).setLimit(1).build());
        assertThat(limited.getPostsList()).extracting(ListAuthorPostIdsResponse.PostRef::getPostId)
                .containsExactly(newest);
        assertThat(grpc.listAuthorPostIds(ListAuthorPostIdsRequest.newBuilder()
                .setAuthorId(UUID.randomUUID().toString()).build()).getPostsList()).isEmpty();
    }

    private static void assertCode(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }
}
