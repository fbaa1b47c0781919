package io.nova.media.core;

/** Scaling that fits a picture inside a box, keeping its aspect ratio and never enlarging it. */
public final class BoxFit {

    /** A width and a height in pixels. */
    public record Size(int width, int height) {
    }

    private BoxFit() {
    }

    public static Size fit(int width, int height, int maxWidth, int maxHeight) {
        double scale = Math.min(1.0, Math.min((double) maxWidth / width, (double) maxHeight / height));
        return new Size(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    /** The same, rounded down to even numbers, which H.264 with 4:2:0 chroma needs. */
    public static Size fitEven(int width, int height, int maxWidth, int maxHeight) {
        Size size = fit(width, height, maxWidth, maxHeight);
        return new Size(Math.max(2, size.width() & ~1), Math.max(2, size.height() & ~1));
    }
}
