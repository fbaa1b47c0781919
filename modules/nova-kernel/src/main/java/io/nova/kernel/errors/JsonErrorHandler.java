package io.nova.kernel.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * What Jetty itself refuses before any resource runs — a path it will not decode (a control character, an
 * ambiguous segment), a malformed request line, a header too large — in the API's JSON error format instead of
 * Jetty's HTML page. Jetty's own reason is not echoed: the code and the status say what was wrong.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;
    private final long drainLimitBytes;

    /** {@code drainLimitBytes}: how much of a refused request's body is read before its connection is closed. */
    JsonErrorHandler(ObjectMapper mapper, long drainLimitBytes) {
        this.mapper = mapper;
        this.drainLimitBytes = drainLimitBytes;
    }

    /** Every method gets the JSON body: Jetty's default answers PUT, PATCH and DELETE with an empty one. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        // Jetty answers here for requests it refused before any handler (a NUL in the path) and then closes some of
        // those connections without saying so: a client reusing one would get no answer to its next request. Said
        // and done for all of them; a refused request is worth a new connection.
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // A request refused while its head was parsed has had none of its body read: read it after the answer, or
        // the close resets the connection and a client still sending loses the answer (LingeringClose says more).
        Callback then = cause instanceof BadMessageException
                ? LingeringClose.afterAnswer(request.getConnectionMetaData().getConnection().getEndPoint(), callback,
                        drainLimitBytes)
                : callback;
        response.write(true, ByteBuffer.wrap(body(code)), then);
    }

    /**
     * A request the parser could not read (a NUL in the path, a broken request line): Jetty closes the connection
     * after this answer, so the answer says so. Without {@code Connection: close} a client puts the connection back
     * in its pool and its next request on it gets no answer at all.
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        String reason = HttpStatus.getMessage(status);
        String code = status >= 500 ? "internal_error"
                : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String message = status == 400 ? "The request could not be read: its path, request line or headers are "
                + "malformed" : reason;
        try {
            return mapper.writeValueAsBytes(new ApiError(code.isEmpty() ? "bad_request" : code, message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
