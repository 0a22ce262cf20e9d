package io.llmgate.web.error;

import io.llmgate.api.error.ErrorType;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Errors the JAX-RS runtime raises itself (no such route, wrong method, ...), in the route's {@link ErrorFormat}. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException error) {
        int status = error.getResponse() == null ? 500 : error.getResponse().getStatus();
        ErrorFormat format = ErrorFormat.forPath(uri.getPath(false));
        if (error instanceof NotFoundException) {
            return format.response(ErrorType.NOT_FOUND, 404, "Route not found: /" + uri.getPath(false).replaceFirst("^/", ""));
        }
        if (error instanceof NotAllowedException) {
            Response response = format.response(ErrorType.INVALID_REQUEST, 405, "Method not allowed on /"
                    + uri.getPath(false).replaceFirst("^/", ""));
            return Response.fromResponse(response).allow(error.getResponse().getAllowedMethods()).build();
        }
        ErrorType type = status >= 500 ? ErrorType.INTERNAL : ErrorType.INVALID_REQUEST;
        String reason = Response.Status.fromStatusCode(status) == null ? "Request failed"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return format.response(type, status, reason);
    }
}
