package io.nova.media;

import io.nova.kernel.KernelPart;
import java.util.EnumSet;
import java.util.Set;
import io.dropwizard.core.setup.Environment;
import io.nova.kernel.NovaApplication;
import io.nova.kernel.ServiceContext;
import io.nova.contracts.Topics;
import io.nova.kernel.storage.S3Storage;
import io.grpc.ManagedChannel;
import io.nova.media.clients.ContentPosts;
import io.nova.media.clients.MessagingMessages;
import io.nova.media.core.Attachments;
import io.nova.media.core.ClaimSweeper;
import io.nova.media.core.Ffmpeg;
import io.nova.media.core.ImageProcessor;
import io.nova.media.core.MediaClaims;
import io.nova.media.core.MediaProcessor;
import io.nova.media.core.MediaRemoval;
import io.nova.media.core.MediaViews;
import io.nova.media.core.Publications;
import io.nova.media.core.ReelService;
import io.nova.media.core.UploadPolicy;
import io.nova.media.core.UploadService;
import io.nova.media.core.UploadSweeper;
import io.nova.media.core.VideoService;
import io.nova.media.core.VideoProcessor;
import io.nova.media.db.ClaimStore;
import io.nova.media.db.MediaStore;
import io.nova.media.db.ReelStore;
import io.nova.media.db.VideoStore;
import io.nova.media.grpc.MediaGrpcService;
import io.nova.media.resources.ReelResource;
import io.nova.media.resources.UploadResource;
import io.nova.media.resources.VideoResource;
import io.nova.proto.content.v1.ContentServiceGrpc;
import io.nova.proto.messaging.v1.MessagingServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** media-service: uploads to S3, videos, reels and their processing. */
public final class MediaServiceApplication extends NovaApplication<MediaServiceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(MediaServiceApplication.class);
    /** A sweep's question to an owner service: a batch of 100 ids, one indexed lookup. */
    private static final Duration OWNER_CALL_DEADLINE = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        new MediaServiceApplication().run(serverByDefault(args));
    }

    /** Uploads in its database and bucket; processing consumes its own media.uploaded events. */
    @Override
    protected Set<KernelPart> parts() {
        return EnumSet.of(KernelPart.DATABASE, KernelPart.OUTBOX, KernelPart.CONSUMERS, KernelPart.S3);
    }

    @Override
    protected void runService(MediaServiceConfiguration configuration, Environment environment,
                              ServiceContext context) {
        MediaConfig media = configuration.getMedia();
        Clock clock = Clock.systemUTC();
        S3Storage storage = context.s3();
        MediaStore mediaStore = new MediaStore();
        VideoStore videoStore = new VideoStore();
        ReelStore reelStore = new ReelStore();
        MediaViews views = new MediaViews(storage, media.getDownloadUrlTtl().toJavaDuration(), clock);
        Publications publications = new Publications(videoStore, reelStore, context.outbox());

        Optional<Ffmpeg> ffmpeg = Ffmpeg.locate(media.getFfmpegPath(), media.getFfmpegTimeout().toJavaDuration());
        if (ffmpeg.isPresent()) {
            LOG.info("Video processing with {}", ffmpeg.get());
        } else {
            LOG.warn("No ffmpeg (FFMPEG_PATH={}): videos and reels keep their original as the only rendition",
                    media.getFfmpegPath());
        }

        UploadService uploads = new UploadService(context.jdbi(), mediaStore, storage, context.outbox(),
                new UploadPolicy(media.getMaxImageSize().toBytes(), media.getMaxVideoSize().toBytes()), views,
                media.getUploadUrlTtl().toJavaDuration(), media.getPendingUploadTtl().toJavaDuration(),
                media.getMaxPendingUploadsPerUser(), clock);

        ImageProcessor images = new ImageProcessor(media.getMaxImagePixels());
        VideoProcessor videoProcessing = new VideoProcessor(ffmpeg, storage);
        // Two consumer groups on the same events: images are never queued behind a long video.
        context.consume(media.getProcessingConsumer() + "-images", List.of(Topics.MEDIA_EVENTS),
                new MediaProcessor(mediaStore, storage, images, videoProcessing, context.outbox(), publications,
                        false));
        context.consume(media.getProcessingConsumer() + "-videos", List.of(Topics.MEDIA_EVENTS),
                new MediaProcessor(mediaStore, storage, images, videoProcessing, context.outbox(), publications,
                        true));

        Attachments attachments = new Attachments(mediaStore);
        MediaRemoval removal = new MediaRemoval(mediaStore, storage, context.outbox());
        VideoService videos = new VideoService(context.jdbi(), videoStore, mediaStore, attachments, publications,
                removal, views);
        ReelService reels = new ReelService(context.jdbi(), reelStore, mediaStore, attachments, publications,
                removal, views);

        environment.lifecycle().manage(new UploadSweeper(context.jdbi(), mediaStore, storage,
                media.getSweepInterval().toJavaDuration()));
        context.grpc().addService(new MediaGrpcService(new MediaClaims(context.jdbi(), mediaStore, views)));
        sweepClaims(media, environment, context);

        environment.jersey().register(new UploadResource(uploads, context.idempotency()));
        environment.jersey().register(new VideoResource(videos, context.idempotency()));
        environment.jersey().register(new ReelResource(reels, context.idempotency()));
    }

    /**
     * The sweep of claims whose owner never came to exist: "post:" claims are content-service's to answer,
     * "message:" claims messaging-service's.
     */
    private static void sweepClaims(MediaConfig media, Environment environment, ServiceContext context) {
        ManagedChannel content = context.channel(media.getContentServiceTarget(), OWNER_CALL_DEADLINE,
                ContentServiceGrpc.getServiceDescriptor());
        ManagedChannel messaging = context.channel(media.getMessagingServiceTarget(), OWNER_CALL_DEADLINE,
                MessagingServiceGrpc.getServiceDescriptor());
        ClaimSweeper sweeper = new ClaimSweeper(context.jdbi(), new ClaimStore(),
                List.of(new ContentPosts(ContentServiceGrpc.newBlockingStub(content)),
                        new MessagingMessages(MessagingServiceGrpc.newBlockingStub(messaging))),
                media.getClaimGracePeriod().toJavaDuration());
        long every = media.getClaimSweepInterval().toMilliseconds();
        environment.lifecycle().scheduledExecutorService("claim-sweeper").threads(1).build()
                .scheduleWithFixedDelay(sweeper, every, every, TimeUnit.MILLISECONDS);
    }
}
