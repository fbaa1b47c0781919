package io.nova.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.nova.clients.posts.PostView;
import io.nova.embedded.junit.NovaPlatformExtension;
import io.nova.embedded.junit.TestPlatform;
import io.nova.kernel.auth.NovaPrincipal;
import io.nova.kernel.errors.DomainException;
import io.nova.kernel.errors.ErrorKind;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.testing.ApiClient;
import io.nova.testing.People;
import io.nova.user.clients.GrpcPostCatalog;
import io.nova.user.core.PostCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * user-service's {@link GrpcPostCatalog} against the real content-service: a post read over gRPC renders exactly as
 * content-service's own {@code GET /posts/{id}}, visibility is content-service's, and the ids of an author's recent
 * posts come newest first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NovaPlatformExtension.class)
class GrpcPostCatalogTest {

    private FeedStack stack;
    private ApiClient content;
    private People people;
    private ManagedChannel channel;
    private PostCatalog catalog;

    @BeforeAll
    void start(TestPlatform platform) {
        stack = FeedStack.start(platform);
        content = new ApiClient(stack.content);
        people = stack.peers.people();
        channel = GrpcChannels.open("127.0.0.1:" + stack.content.grpcPort(), Duration.ofSeconds(5),
                ContentServiceGrpc.getServiceDescriptor());
        catalog = new GrpcPostCatalog(ContentServiceGrpc.newBlockingStub(channel), Duration.ofSeconds(5));
    }

    @AfterAll
    void stop() {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPostReadOverGrpcIsExactlyThePostOfTheHttpApi() throws IOException {
        People.Person author = people.register();
        People.Person reader = people.register();
        String first = post(author, "hello @" + reader.username() + " #nova #feed", "public", null);
        String reply = post(reader, "a reply", "public", first);
        HttpResponse<String> edited = content.send("PATCH", "/api/v1/posts/" + first, author.token(),
                ApiClient.body("text", "hello again @" + reader.username() + " #nova"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        content.send("PUT", "/api/v1/posts/" + first + "/like", reader.token(), null);
        content.send("PUT", "/api/v1/posts/" + first + "/bookmark", reader.token(), null);

        List<PostView> read = catalog.posts(principal(reader), List.of(UUID.fromString(first),
                UUID.fromString(reply)));

        assertThat(read).extracting(PostView::id).containsExactly(first, reply);
        ObjectMapper json = stack.users.environment().getObjectMapper();
        for (PostView view : read) {
            JsonNode http = ApiClient.json(content.get("/api/v1/posts/" + view.id(), reader.token()));
            assertThat(json.readTree(json.writeValueAsString(view))).isEqualTo(http);
        }
        assertThat(read.get(0).mentions()).containsExactly(reader.username());
        assertThat(read.get(0).editedAt()).isNotNull();
        assertThat(read.get(0).likedByMe()).isTrue();
        assertThat(read.get(1).replyTo()).isEqualTo(first);
    }

    @Test
    void followersOnlyPostsAreLeftOutForOthersAndUnknownIdsAreSkipped() {
        People.Person author = people.register();
        People.Person reader = people.register();
        String open = post(author, "for everyone", "public", null);
        String closed = post(author, "for followers", "followers", null);
        List<UUID> asked = List.of(UUID.fromString(closed), UUID.randomUUID(), UUID.fromString(open));

        assertThat(catalog.posts(principal(reader), asked)).extracting(PostView::id).containsExactly(open);
        people.follow(reader, author);
        assertThat(catalog.posts(principal(reader), asked)).extracting(PostView::id).containsExactly(closed, open);
        people.block(author, reader);
        assertThat(catalog.posts(principal(reader), asked)).isEmpty();
    }

    @Test
    void recentPostIdsComeNewestFirstWithTheirVisibility() {
        People.Person author = people.register();
        String first = post(author, "one", "public", null);
        String second = post(author, "two", "followers", null);
        String third = post(author, "three", "public", null);

        List<PostCatalog.PostRef> all = catalog.recentPostIds(UUID.fromString(author.id()), null, 10);

        assertThat(all).extracting(ref -> ref.id().toString()).containsExactly(third, second, first);
        assertThat(all).extracting(PostCatalog.PostRef::followersOnly).containsExactly(false, true, false);
        assertThat(all).allMatch(ref -> ref.authorId().toString().equals(author.id()));
        assertThat(all.get(0).createdAt()).isAfterOrEqualTo(all.get(1).createdAt());
        assertThat(catalog.recentPostIds(UUID.fromString(author.id()), null, 2)).hasSize(2);
        assertThat(catalog.recentPostIds(UUID.fromString(author.id()), all.get(1).createdAt(), 10))
                .extracting(ref -> ref.id().toString()).containsExactly(third);
    }

    @Test
    void anUnreachableContentServiceIsAnUnavailableDomainError() throws IOException {
        int nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = socket.getLocalPort();
        }
        ManagedChannel dead = GrpcChannels.open("127.0.0.1:" + nowhere, Duration.ofMillis(500),
                ContentServiceGrpc.getServiceDescriptor());
        try {
            PostCatalog unreachable = new GrpcPostCatalog(ContentServiceGrpc.newBlockingStub(dead),
                    Duration.ofMillis(500));
            assertThatThrownBy(() -> unreachable.recentPostIds(UUID.randomUUID(), null, 10))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        } finally {
            dead.shutdownNow();
        }
    }

    private String post(People.Person author, String text, String visibility, String replyTo) {
        String body = replyTo == null ? ApiClient.body("text", text, "visibility", visibility)
                : ApiClient.body("text", text, "visibility", visibility, "reply_to", replyTo);
        HttpResponse<String> response = content.send("POST", "/api/v1/posts", author.token(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).path("id").asText();
    }

    static NovaPrincipal principal(People.Person person) {
        return new NovaPrincipal(person.id(), "test-" + person.id(), Instant.now().plusSeconds(600),
                person.token());
    }
}
