package io.nova.media.core;

import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Images: the original's dimensions, a thumbnail (longer side ≤ 320 px) and a medium rendition (≤ 1080 px) when
 * the original is larger than that. Renditions are JPEG, transparent areas on white, EXIF orientation applied.
 */
public final class ImageProcessor {

    public static final String THUMBNAIL = "thumbnail";
    public static final String MEDIUM = "medium";
    static final int THUMBNAIL_BOX = 320;
    static final int MEDIUM_BOX = 1080;
    private static final float JPEG_QUALITY = 0.85f;

    static {
        // Plugins on the class path (WebP) are found once; in a fat jar their service files are merged.
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    private final long maxPixels;

    public ImageProcessor(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    public ProcessedMedia process(byte[] original, String contentType) throws UnprocessableMediaException {
        BoxFit.Size stored = dimensions(original, contentType);
        if ((long) stored.width() * stored.height() > maxPixels) {
            throw new UnprocessableMediaException("The image has " + stored.width() + "×" + stored.height()
                    + " pixels; at most " + maxPixels + " pixels are accepted");
        }
        List<ProcessedMedia.Rendition> renditions = new ArrayList<>(2);
        BufferedImage thumbnail = scale(original, contentType, THUMBNAIL_BOX, stored);
        renditions.add(jpeg(THUMBNAIL, thumbnail));
        // EXIF orientation may turn the stored picture a quarter: the thumbnail shows which way it is seen.
        boolean turned = stored.width() != stored.height()
                && (thumbnail.getWidth() > thumbnail.getHeight()) != (stored.width() > stored.height());
        int width = turned ? stored.height() : stored.width();
        int height = turned ? stored.width() : stored.height();
        if (Math.max(width, height) > MEDIUM_BOX) {
            renditions.add(jpeg(MEDIUM, scale(original, contentType, MEDIUM_BOX, stored)));
        }
        return new ProcessedMedia(width, height, null, renditions, null);
    }

    /** Reads only the header: a decompression bomb is refused before any pixel is decoded. */
    private static BoxFit.Size dimensions(byte[] original, String contentType) throws UnprocessableMediaException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw undecodable(contentType);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new BoxFit.Size(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw undecodable(contentType);
        }
    }

    private static BufferedImage scale(byte[] original, String contentType, int box, BoxFit.Size stored)
            throws UnprocessableMediaException {
        // Never enlarge: the box is at most the original's longer side.
        int bound = Math.min(box, Math.max(stored.width(), stored.height()));
        try {
            return Thumbnails.of(new ByteArrayInputStream(original))
                    .size(bound, bound)
                    .addFilter(ImageProcessor::onWhite)
                    .asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw undecodable(contentType);
        }
    }

    /** JPEG has no alpha channel: transparent pixels become white rather than black. */
    private static BufferedImage onWhite(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static ProcessedMedia.Rendition jpeg(String name, BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not encode a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return ProcessedMedia.Rendition.inMemory(name, "image/jpeg", "jpg", out.toByteArray(), image.getWidth(),
                image.getHeight());
    }

    private static UnprocessableMediaException undecodable(String contentType) {
        return new UnprocessableMediaException("The file could not be decoded as " + contentType);
    }
}
