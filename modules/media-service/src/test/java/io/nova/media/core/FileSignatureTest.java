package io.nova.media.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FileSignatureTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachAllowedTypeIsRecognisedByItsOwnSignatureOnly() {
        assertThat(FileSignature.matches("image/jpeg", bytes(0xFF, 0xD8, 0xFF, 0xE0))).isTrue();
        assertThat(FileSignature.matches("image/png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).isTrue();
        assertThat(FileSignature.matches("image/gif", ascii("GIF89a..."))).isTrue();
        assertThat(FileSignature.matches("image/gif", ascii("GIF87a..."))).isTrue();
        assertThat(FileSignature.matches("image/webp", ascii("RIFF\u0000\u0001\u0000\u0000WEBPVP8 "))).isTrue();
        assertThat(FileSignature.matches("video/mp4", ascii("\u0000\u0000\u0000\u0020ftypisom"))).isTrue();
        assertThat(FileSignature.matches("video/quicktime", ascii("\u0000\u0000\u0000\u0008wide"))).isTrue();
        assertThat(FileSignature.matches("video/webm", bytes(0x1A, 0x45, 0xDF, 0xA3, 0x01))).isTrue();

        assertThat(FileSignature.matches("image/png", bytes(0xFF, 0xD8, 0xFF, 0xE0))).isFalse();
        assertThat(FileSignature.matches("image/webp", ascii("RIFF\u0000\u0001\u0000\u0000WAVEfmt "))).isFalse();
        assertThat(FileSignature.matches("video/mp4", ascii("\u0000\u0000\u0000\u0008wide"))).isFalse();
        assertThat(FileSignature.matches("image/jpeg", ascii("hello, I am text"))).isFalse();
        assertThat(FileSignature.matches("image/svg+xml", ascii("<svg"))).isFalse();
    }

    @Test
    void tooFewBytesNeverMatch() {
        assertThat(FileSignature.matches("image/jpeg", bytes(0xFF, 0xD8))).isFalse();
        assertThat(FileSignature.matches("image/png", new byte[0])).isFalse();
        assertThat(FileSignature.matches("image/webp", ascii("RIFF1234"))).isFalse();
    }
}
