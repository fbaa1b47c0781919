package io.nova.kernel.errors;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;

import java.util.Locale;
import java.util.Map;

/**
 * What Jersey itself rejects (unknown path, wrong method, unsupported media type, a path or query parameter of the
 * wrong type) in our error format. A malformed parameter is the caller's mistake, so 400 rather than Jersey's 404.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof ParamException param) {
            String kind = param.getParameterType().getSimpleName().replace("Param", "").toLowerCase(Locale.ROOT);
            return ErrorResponses.of(400, new ApiError("invalid_parameter",
                    "The " + kind + " parameter '" + param.getParameterName() + "' is not valid",
                    Map.of("parameter", param.getParameterName())));
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return new UnexpectedExceptionMapper().toResponse(exception);
        }
        Response response = ErrorResponses.of(status, code(status), message(status));
        if (exception instanceof NotAllowedException) {
            response.getHeaders().put("Allow", original.getHeaders().get("Allow"));
        }
        return response;
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "Send the request body as application/json";
            default -> Response.Status.fromStatusCode(status) == null
                    ? "Request rejected" : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }
}
