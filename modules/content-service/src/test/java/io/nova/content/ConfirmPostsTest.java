package io.nova.content;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nova.content.db.PostIdStore;
import io.nova.kernel.db.SettledIds;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.proto.content.v1.ConfirmPostsRequest;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ContentService.ConfirmPosts answers finally: an id it denies can never become a post, and a create in flight
 * for an id is waited for, so its post is confirmed rather than denied (the lock PostService.create takes).
 */
class ConfirmPostsTest extends RunningContentStack {

    private ManagedChannel channel;
    private ContentServiceGrpc.ContentServiceBlockingStub content;
    private Jdbi jdbi;
    private final SettledIds postIds = PostIdStore.create();

    @BeforeAll
    void connect() {
        channel = GrpcChannels.open("127.0.0.1:" + stack.content.grpcPort(), Duration.ofSeconds(10),
                ContentServiceGrpc.getServiceDescriptor());
        content = ContentServiceGrpc.newBlockingStub(channel);
        jdbi = Jdbi.create(platform.jdbcUrl(), platform.dbUser(), platform.dbPassword());
    }

    @AfterAll
    void disconnect() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }

    private List<String> confirm(String... ids) {
        return content.confirmPosts(ConfirmPostsRequest.newBuilder().addAllPostIds(List.of(ids)).build())
                .getExistingPostIdsList();
    }

    /** What PostService.create checks, under the id's lock, before it writes the row. */
    private boolean abandoned(UUID id) {
        return jdbi.inTransaction(handle -> postIds.lockAndCheckAbandoned(handle, id));
    }

    @Test
    void anIdDeniedOnceCanNeverBecomeAPost() {
        UUID id = UUID.randomUUID();
        assertThat(confirm(id.toString())).isEmpty();
        assertThat(abandoned(id)).isTrue();
        assertThat(confirm(id.toString())).isEmpty();
    }

    @Test
    void aCreateInFlightIsWaitedForAndItsPostConfirmed() throws Exception {
        UUID id = UUID.randomUUID();
        try (Handle create = jdbi.open()) {
            create.begin();
            assertThat(postIds.lockAndCheckAbandoned(create, id)).isFalse();
            create.execute("INSERT INTO posts (id, author_id, text, visibility) VALUES (?, ?, 'in flight', 'public')",
                    id, UUID.randomUUID());
            CompletableFuture<List<String>> answer = CompletableFuture.supplyAsync(() -> confirm(id.toString()));
            Thread.sleep(300);
            assertThat(answer).as("ConfirmPosts must wait for the create holding the id").isNotDone();
            create.commit();
            assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly(id.toString());
        }
        assertThat(abandoned(id)).isFalse();
    }

    @Test
    void idsAreAnsweredAsAskedMalformedOnesAreLeftOutAndAtMost100AreTaken() {
        People.Person ann = people.register();
        String post = ApiClient.json(http.send("POST", "/api/v1/posts", ann.token(),
                ApiClient.body("text", "exists"))).path("id").asText();
        assertThat(confirm(post.toUpperCase(), "nonsense", "")).containsExactly(post.toUpperCase());
        assertThatThrownBy(() -> confirm(Collections.nCopies(101, post).toArray(String[]::new)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
}
