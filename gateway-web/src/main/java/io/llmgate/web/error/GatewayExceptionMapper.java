package io.llmgate.web.error;

import io.llmgate.api.error.GatewayException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The gateway's own errors: status and body exactly as the exception says, in the route's {@link ErrorFormat}. */
@Provider
public class GatewayExceptionMapper implements ExceptionMapper<GatewayException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(GatewayException error) {
        return ErrorFormat.forPath(uri == null ? null : uri.getPath(false)).response(error);
    }
}
