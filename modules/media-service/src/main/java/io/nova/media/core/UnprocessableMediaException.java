package io.nova.media.core;

/**
 * The file itself cannot be processed (undecodable, too many pixels, no video stream, ffmpeg gave up): retrying
 * cannot help, so the media fails with this message, which its owner sees. Other exceptions (S3 or the database
 * away) are retried by the event consumer instead.
 */
public final class UnprocessableMediaException extends Exception {

    public UnprocessableMediaException(String reason) {
        super(reason, null, false, false);
    }
}
