package io.nova.testing;

import io.grpc.ManagedChannel;
import io.nova.kernel.grpc.GrpcChannels;
import io.nova.proto.media.v1.ClaimMediaRequest;
import io.nova.proto.media.v1.GetMediaRequest;
import io.nova.proto.media.v1.MediaServiceGrpc;

import java.time.Duration;

/**
 * Who holds a media item, and claims made directly (what a service leaves behind when it dies between a claim and
 * its write), through media-service's real gRPC API as a trusted service.
 */
public final class MediaHolders implements AutoCloseable {

    private final ManagedChannel channel;
    private final MediaServiceGrpc.MediaServiceBlockingStub media;

    public MediaHolders(RunningService<?> mediaService) {
        channel = GrpcChannels.open("127.0.0.1:" + mediaService.grpcPort(), Duration.ofSeconds(5),
                MediaServiceGrpc.getServiceDescriptor());
        media = MediaServiceGrpc.newBlockingStub(channel);
    }

    /** The claimant holding the item ("post:…"), empty when nobody does. */
    public String claimedBy(String mediaId) {
        return media.getMedia(GetMediaRequest.newBuilder().addMediaIds(mediaId).build()).getMedia(0).getClaimedBy();
    }

    public void claim(String ownerId, String mediaId, String claimant) {
        media.claimMedia(ClaimMediaRequest.newBuilder().setOwnerId(ownerId).addMediaIds(mediaId)
                .setClaimant(claimant).build());
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
