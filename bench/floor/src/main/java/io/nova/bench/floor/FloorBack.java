package io.nova.bench.floor;

import com.codahale.metrics.MetricRegistry;
import com.google.protobuf.Timestamp;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.nova.proto.content.v1.Author;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.proto.content.v1.GetPostsRequest;
import io.nova.proto.content.v1.GetPostsResponse;
import io.nova.proto.content.v1.Post;
import io.nova.proto.content.v1.Visibility;
import org.jdbi.v3.core.Jdbi;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * content-service's {@code GetPosts} reduced to its I/O: one Redis round trip (where content-service reads the
 * viewer's relationship versions) and the one query that reads the page's rows with the viewer's like and bookmark
 * — served the way the services serve gRPC (Netty transport, a fixed pool of handler threads, the same pool and
 * driver for PostgreSQL). No authorization, no relationship rules, no media URLs, no author names, no metrics.
 */
final class FloorBack extends ContentServiceGrpc.ContentServiceImplBase {

    private static final String ROWS = """
            SELECT p.id, p.author_id, p.text, p.visibility, p.like_count, p.comment_count, p.created_at,
                   EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = :viewer) AS liked,
                   EXISTS (SELECT 1 FROM bookmarks b WHERE b.post_id = p.id AND b.user_id = :viewer) AS bookmarked,
                   ARRAY(SELECT h.tag FROM post_hashtags h WHERE h.post_id = p.id ORDER BY h.tag) AS hashtags
              FROM posts p WHERE p.id = ANY(:ids) AND p.deleted_at IS NULL""";

    private final Jdbi jdbi;
    private final RedissonClient redis;

    private FloorBack(Jdbi jdbi, RedissonClient redis) {
        this.jdbi = jdbi;
        this.redis = redis;
    }

    static void serve(int port, String jdbcUrl, String redisUrl) throws Exception {
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.postgresql.Driver");
        database.setUrl(jdbcUrl);
        database.setUser("postgres");
        ManagedDataSource pool = database.build(new MetricRegistry(), "floor");
        pool.start();
        Server server = NettyServerBuilder.forPort(port)
                .executor(Executors.newFixedThreadPool(16))
                .addService(new FloorBack(Jdbi.create(pool), redis(redisUrl)))
                .build().start();
        System.out.println("floor back: gRPC on port " + port);
        server.awaitTermination();
    }

    static RedissonClient redis(String url) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(url).setConnectionMinimumIdleSize(2);
        return Redisson.create(config);
    }

    @Override
    public void getPosts(GetPostsRequest request, StreamObserver<GetPostsResponse> response) {
        UUID viewer = UUID.fromString(request.getViewerId());
        UUID[] ids = request.getPostIdsList().stream().map(UUID::fromString).toArray(UUID[]::new);
        redis.getBuckets().get("floor:rv:" + viewer, "floor:rv:epoch");
        List<Post> posts = jdbi.withHandle(handle -> handle.createQuery(ROWS)
                .bind("ids", ids).bind("viewer", viewer)
                .map((rs, ctx) -> post(rs)).list());
        response.onNext(GetPostsResponse.newBuilder().addAllPosts(posts).build());
        response.onCompleted();
    }

    private static Post post(ResultSet rs) throws SQLException {
        Instant created = rs.getTimestamp("created_at").toInstant();
        Post.Builder post = Post.newBuilder()
                .setId(rs.getString("id"))
                .setAuthor(Author.newBuilder().setId(rs.getString("author_id")))
                .setText(rs.getString("text"))
                .setVisibility("public".equals(rs.getString("visibility")) ? Visibility.VISIBILITY_PUBLIC
                        : Visibility.VISIBILITY_FOLLOWERS)
                .setLikeCount(rs.getLong("like_count"))
                .setCommentCount(rs.getLong("comment_count"))
                .setLikedByMe(rs.getBoolean("liked"))
                .setBookmarkedByMe(rs.getBoolean("bookmarked"))
                .setCreatedAt(Timestamp.newBuilder().setSeconds(created.getEpochSecond()).setNanos(created.getNano()));
        Array tags = rs.getArray("hashtags");
        for (Object tag : (Object[]) tags.getArray()) {
            post.addHashtags((String) tag);
        }
        return post.build();
    }
}
