package io.nova.content;

import io.nova.kernel.KernelPart;
import java.util.EnumSet;
import java.util.Set;
import io.dropwizard.core.setup.Environment;
import io.nova.clients.PeerClients;
import io.nova.content.clients.MediaLibrary;
import io.nova.content.clients.UserDirectory;
import io.nova.content.clients.UserRelations;
import io.nova.content.core.CommentService;
import io.nova.content.core.InteractionService;
import io.nova.content.core.Media;
import io.nova.kernel.db.ClaimOwnerIds;
import io.nova.content.core.PostGate;
import io.nova.content.core.PostLists;
import io.nova.content.core.PostService;
import io.nova.content.core.PostViews;
import io.nova.content.core.Relations;
import io.nova.content.core.Users;
import io.nova.content.db.BookmarkStore;
import io.nova.content.db.CommentStore;
import io.nova.content.db.LikeStore;
import io.nova.content.db.PostIdStore;
import io.nova.kernel.db.SettledIds;
import io.nova.content.db.PostStore;
import io.nova.content.grpc.ContentGrpcService;
import io.nova.content.resources.CommentsResource;
import io.nova.content.resources.PostsResource;
import io.nova.contracts.OwnPostMarks;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.ServiceContext;
import io.nova.proto.user.v1.UserServiceGrpc;

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
        PeerClients peers = PeerClients.open(context, content);
        Users users = new UserDirectory(UserServiceGrpc.newBlockingStub(peers.users()),
                content.getAuthorCacheTtl().toJavaDuration(), content.getAuthorCacheSize());
        Relations relations = new UserRelations(peers.relationships());
        Media media = new MediaLibrary(peers.catalog());

        PostStore postStore = new PostStore();
        BookmarkStore bookmarkStore = new BookmarkStore();
        PostGate gate = new PostGate(users, relations);
        PostViews views = new PostViews(users, media);
        SettledIds postIds = PostIdStore.create();
        PostService posts = new PostService(context.jdbi(), postStore, postIds, users, media, gate, views,
                context.outbox(), new OwnPostMarks(context.redis()));
        PostLists lists = new PostLists(context.jdbi(), postStore, bookmarkStore, users, gate, views);
        InteractionService interactions = new InteractionService(context.jdbi(), posts, postStore, new LikeStore(),
                bookmarkStore, users, context.outbox());
        CommentService comments = new CommentService(context.jdbi(), posts, postStore, new CommentStore(), users,
                gate, context.outbox());

        environment.jersey().register(new PostsResource(posts, lists, interactions, context.idempotency()));
        environment.jersey().register(new CommentsResource(comments, context.idempotency()));
        context.grpc().addService(new ContentGrpcService(lists, new ClaimOwnerIds(context.jdbi(), postIds, "post_ids")));
    }
}
