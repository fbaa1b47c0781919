package io.nova.media;

import io.nova.media.api.CreateReelRequest;
import io.nova.media.api.CreateUploadRequest;
import io.nova.media.api.CreateVideoRequest;
import io.nova.media.api.MediaView;
import io.nova.media.api.ReelView;
import io.nova.media.api.RenditionView;
import io.nova.media.api.UpdateVideoRequest;
import io.nova.media.api.UploadCreated;
import io.nova.media.api.VideoView;
import io.nova.media.resources.ReelResource;
import io.nova.media.resources.UploadResource;
import io.nova.media.resources.VideoResource;
import io.nova.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the resources serve, and the JSON shapes they use. */
class OpenApiDocumentTest {

    private static final OpenApiContract DOCUMENT = OpenApiContract.load("/openapi/media-service.yaml");

    @Test
    void everyServedRouteIsDocumentedAndNothingElse() {
        DOCUMENT.documentsExactly(UploadResource.class, VideoResource.class, ReelResource.class);
    }

    @Test
    void referencesResolveAndShapesMatchTheRecords() {
        DOCUMENT.referencesResolve();
        DOCUMENT.schemaMatches("CreateUpload", CreateUploadRequest.class);
        DOCUMENT.schemaMatches("UploadCreated", UploadCreated.class);
        DOCUMENT.schemaMatches("Rendition", RenditionView.class);
        DOCUMENT.schemaMatches("Media", MediaView.class);
        DOCUMENT.schemaMatches("CreateVideo", CreateVideoRequest.class);
        DOCUMENT.schemaMatches("UpdateVideo", UpdateVideoRequest.class);
        DOCUMENT.schemaMatches("Video", VideoView.class);
        DOCUMENT.schemaMatches("CreateReel", CreateReelRequest.class);
        DOCUMENT.schemaMatches("Reel", ReelView.class);
    }
}
