package io.nova.kernel.grpc;

import io.grpc.MethodDescriptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Plain UTF-8 strings as gRPC messages: the tests' probe services need no protobuf. */
final class TextMarshaller implements MethodDescriptor.Marshaller<String> {

    static final TextMarshaller TEXT = new TextMarshaller();

    private TextMarshaller() {
    }

    @Override
    public InputStream stream(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
