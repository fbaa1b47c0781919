package io.nova.content;

import io.nova.kernel.KernelPart;
import java.util.EnumSet;
import java.util.Set;
import io.dropwizard.core.setup.Environment;
import io.grpc.ManagedChannel;
import io.nova.content.core.Audience;
import io.nova.content.core.CommentService;
import io.nova.content.core.InteractionService;
import io.nova.content.core.PostService;
import io.nova.content.core.PostViews;
import io.nova.content.db.BookmarkStore;
import io.nova.content.db.CommentStore;
import io.nova.content.db.LikeStore;
import io.nova.content.db.PostStore;
import io.nova.content.grpc.ContentGrpcService;
import io.nova.content.grpc.MediaLibrary;
import io.nova.content.grpc.UserDirectory;
import io.nova.content.resources.CommentsResource;
import io.nova.content.resources.PostsResource;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.ServiceContext;
import io.nova.contracts.RelationshipVersions;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.user.v1.UserServiceGrpc;

import java.time.Duration;

/** content-service: posts, comments, likes, bookmarks and user timelines. */
public final class ContentServiceApplication extends NovaApplication<ContentServiceConfiguration> {

    public static void main(String[] args) throws Exception {
        new ContentServiceApplication().run(serverByDefault(args));
    }

    /** Posts and interactions in its database; every change is an event. */
    @Override
    protected Set<KernelPart> parts() {
        return EnumSet.of(KernelPart.DATABASE, KernelPart.OUTBOX);
    }

    @Override
    protected void runService(ContentServiceConfiguration configuration, Environment environment,
                              ServiceContext context) {
        ContentConfig content = configuration.getContent();
        Duration deadline = Duration.ofMillis(content.getGrpcDeadline().toMilliseconds());
        ManagedChannel userChannel = context.channel(content.getUserServiceTarget(), deadline,
                UserServiceGrpc.getServiceDescriptor());
        ManagedChannel mediaChannel = context.channel(content.getMediaServiceTarget(), deadline,
                MediaServiceGrpc.getServiceDescriptor());
        UserDirectory users = new UserDirectory(UserServiceGrpc.newBlockingStub(userChannel),
                UserServiceGrpc.newFutureStub(userChannel),
                Duration.ofMillis(content.getAuthorCacheTtl().toMilliseconds()), content.getAuthorCacheSize(),
                new RelationshipVersions(context.redis()), content.getRelationCacheSize());
        MediaLibrary media = new MediaLibrary(MediaServiceGrpc.newBlockingStub(mediaChannel),
                MediaServiceGrpc.newFutureStub(mediaChannel));

        PostStore postStore = new PostStore();
        BookmarkStore bookmarkStore = new BookmarkStore();
        Audience audience = new Audience(users);
        PostViews views = new PostViews(users, media);
        PostService posts = new PostService(context.jdbi(), postStore, bookmarkStore, users, media, audience, views,
                context.outbox());
        InteractionService interactions = new InteractionService(context.jdbi(), posts, postStore, new LikeStore(),
                bookmarkStore, users, context.outbox());
        CommentService comments = new CommentService(context.jdbi(), posts, postStore, new CommentStore(), users,
                audience, context.outbox());

        environment.jersey().register(new PostsResource(posts, interactions, context.idempotency()));
        environment.jersey().register(new CommentsResource(comments, context.idempotency()));
        context.grpc().addService(new ContentGrpcService(context.jdbi(), postStore, posts, audience, views));
    }
}
