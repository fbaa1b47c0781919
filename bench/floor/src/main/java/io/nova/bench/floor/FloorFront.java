package io.nova.bench.floor;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.proto.content.v1.GetPostsRequest;
import io.nova.proto.content.v1.Post;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.redisson.api.RedissonClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * user-service's {@code GET /feed} reduced to its I/O: one Redis read of the viewer's timeline (the sorted set the
 * real feed keeps), one blocking {@code GetPosts} call for the page, the answer written as JSON by Dropwizard's
 * Jersey and Jackson. No token check, no paging rules, no read-your-writes, no wide authors, no metrics of our own.
 */
public final class FloorFront extends Application<FloorFront.Settings> {

    /** floor.yml: Dropwizard's server section plus where the back half and Redis are. */
    public static final class Settings extends Configuration {
        @JsonProperty
        public String back = "127.0.0.1:19081";
        @JsonProperty
        public String redis = "redis://127.0.0.1:16379";
    }

    @Override
    public void run(Settings settings, Environment environment) {
        ManagedChannel channel = NettyChannelBuilder.forTarget(settings.back).usePlaintext().directExecutor().build();
        environment.jersey().register(new FeedPage(FloorBack.redis(settings.redis),
                ContentServiceGrpc.newBlockingStub(channel)));
    }

    /** A post as the page carries it. */
    public record PostJson(String id, String author_id, String text, String visibility, List<String> hashtags,
                           long like_count, long comment_count, boolean liked_by_me, boolean bookmarked_by_me,
                           String created_at) {
    }

    /** The page. */
    public record PageJson(List<PostJson> items, String next_cursor) {
    }

    @Path("/floor/feed")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class FeedPage {
        private final RedissonClient redis;
        private final ContentServiceGrpc.ContentServiceBlockingStub posts;

        FeedPage(RedissonClient redis, ContentServiceGrpc.ContentServiceBlockingStub posts) {
            this.redis = redis;
            this.posts = posts;
        }

        @GET
        public PageJson page(@QueryParam("user") UUID user) {
            // Members are "<post id>:<author id>", newest first; 11 read so that a next page can be told apart.
            Collection<String> members = redis.<String>getScoredSortedSet("feed:tl:" + user).valueRangeReversed(0, 10);
            GetPostsRequest.Builder request = GetPostsRequest.newBuilder().setViewerId(user.toString());
            members.forEach(member -> request.addPostIds(member.substring(0, member.indexOf(':'))));
            List<Post> found = posts.withDeadlineAfter(2, TimeUnit.SECONDS).getPosts(request.build()).getPostsList();
            List<PostJson> items = new ArrayList<>(found.size());
            for (Post post : found) {
                items.add(new PostJson(post.getId(), post.getAuthor().getId(), post.getText(),
                        post.getVisibility() == io.nova.proto.content.v1.Visibility.VISIBILITY_PUBLIC ? "public"
                                : "followers", post.getHashtagsList(), post.getLikeCount(), post.getCommentCount(),
                        post.getLikedByMe(), post.getBookmarkedByMe(),
                        Instant.ofEpochSecond(post.getCreatedAt().getSeconds(), post.getCreatedAt().getNanos())
                                .toString()));
            }
            return new PageJson(items.size() > 10 ? items.subList(0, 10) : items,
                    items.size() > 10 ? items.get(9).id() : null);
        }
    }
}
