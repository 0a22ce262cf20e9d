package io.llmgate.web.error;

import io.llmgate.api.error.GatewayException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The gateway's own errors: status and body exactly as the exception says. */
@Provider
public class GatewayExceptionMapper implements ExceptionMapper<GatewayException> {
    @Override
    public Response toResponse(GatewayException error) {
        return ErrorResponses.of(error);
    }
}
