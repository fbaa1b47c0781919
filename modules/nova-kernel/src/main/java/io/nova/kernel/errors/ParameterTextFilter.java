package io.nova.kernel.errors;

import io.nova.kernel.api.Text;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * Query and path parameters refuse the characters {@link Text} forbids (a {@code %00} in a search, an id or a
 * username), before any resource or query sees them: 400 {@code invalid_parameter} naming the parameter.
 */
final class ParameterTextFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        refuse(request, request.getUriInfo().getPathParameters(true), "path");
        refuse(request, request.getUriInfo().getQueryParameters(true), "query");
    }

    private static void refuse(ContainerRequestContext request, MultivaluedMap<String, String> parameters,
                               String kind) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                int at = Text.firstForbidden(value);
                if (at < 0) {
                    at = Text.firstForbidden(parameter.getKey());
                    value = parameter.getKey();
                }
                if (at >= 0) {
                    request.abortWith(ErrorResponses.of(400, new ApiError("invalid_parameter", "The " + kind
                            + " parameter '" + printable(parameter.getKey()) + "' contains the control character "
                            + Text.codePoint(value.charAt(at)), Map.of("parameter", printable(parameter.getKey())))));
                    return;
                }
            }
        }
    }

    /** A parameter's name as it may be echoed: its forbidden characters spelled as code points. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(Text.forbidden(c) ? Text.codePoint(c) : String.valueOf(c));
        }
        return out.toString();
    }
}
