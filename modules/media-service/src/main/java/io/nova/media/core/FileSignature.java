package io.nova.media.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whether the first bytes of a file are those of the declared type: a text file renamed {@code .jpg}, or a
 * video declared as an image, is caught before anything decodes it.
 */
public final class FileSignature {

    /** How many leading bytes {@link #matches} needs. */
    public static final int PREFIX_BYTES = 32;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    private FileSignature() {
    }

    public static boolean matches(String contentType, byte[] prefix) {
        return switch (contentType) {
            case "image/jpeg" -> startsWith(prefix, JPEG);
            case "image/png" -> startsWith(prefix, PNG);
            case "image/gif" -> ascii(prefix, 0, "GIF87a") || ascii(prefix, 0, "GIF89a");
            case "image/webp" -> ascii(prefix, 0, "RIFF") && ascii(prefix, 8, "WEBP");
            // ISO base media files start with a box whose type, at bytes 4-7, is ftyp.
            case "video/mp4" -> ascii(prefix, 4, "ftyp");
            // QuickTime files may also start with an older atom instead of ftyp.
            case "video/quicktime" -> ascii(prefix, 4, "ftyp") || ascii(prefix, 4, "moov")
                    || ascii(prefix, 4, "mdat") || ascii(prefix, 4, "wide") || ascii(prefix, 4, "free")
                    || ascii(prefix, 4, "skip") || ascii(prefix, 4, "pnot");
            // Matroska and WebM share the EBML header.
            case "video/webm" -> startsWith(prefix, EBML);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] data, byte[] signature) {
        return data.length >= signature.length
                && Arrays.equals(data, 0, signature.length, signature, 0, signature.length);
    }

    private static boolean ascii(byte[] data, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        return data.length >= offset + expected.length
                && Arrays.equals(data, offset, offset + expected.length, expected, 0, expected.length);
    }
}
