package io.nova.clients;

import io.grpc.ManagedChannel;
import io.nova.contracts.RelationshipVersions;
import io.nova.kernel.ServiceContext;
import io.nova.proto.media.v1.MediaServiceGrpc;
import io.nova.proto.user.v1.UserServiceGrpc;

/**
 * A service's connections to user-service and media-service as {@link PeerSettings} describe them: one channel to
 * each (deadlines, retries of idempotent calls, closed when the service stops), and the clients built on them.
 */
public final class PeerClients {

    private final ManagedChannel users;
    private final ManagedChannel media;
    private final Relationships relationships;
    private final MediaCatalog catalog;

    private PeerClients(ManagedChannel users, ManagedChannel media, Relationships relationships,
                        MediaCatalog catalog) {
        this.users = users;
        this.media = media;
        this.relationships = relationships;
        this.catalog = catalog;
    }

    public static PeerClients open(ServiceContext context, PeerSettings settings) {
        java.time.Duration deadline = settings.getGrpcDeadline().toJavaDuration();
        ManagedChannel users = context.channel(settings.getUserServiceTarget(), deadline,
                UserServiceGrpc.getServiceDescriptor());
        ManagedChannel media = context.channel(settings.getMediaServiceTarget(), deadline,
                MediaServiceGrpc.getServiceDescriptor());
        return new PeerClients(users, media,
                new Relationships(UserServiceGrpc.newFutureStub(users), new RelationshipVersions(context.redis()),
                        settings.getRelationCacheSize()),
                new MediaCatalog(MediaServiceGrpc.newBlockingStub(media), MediaServiceGrpc.newFutureStub(media)));
    }

    /** The channel to user-service, for its other calls. */
    public ManagedChannel users() {
        return users;
    }

    public ManagedChannel media() {
        return media;
    }

    public Relationships relationships() {
        return relationships;
    }

    public MediaCatalog catalog() {
        return catalog;
    }
}
