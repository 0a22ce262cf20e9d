package io.llmgate.web.error;

import io.llmgate.api.error.ErrorType;
import io.llmgate.web.filter.CallIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A bug, not bad input: logged with the call id so it can be found, answered as a 500 without any
 * detail (exception messages can carry request content).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable error) {
        Object callId = request == null ? null : request.getAttribute(CallIdFilter.CALL_ID);
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure in call " + callId + ": " + error.getClass().getName(), error);
        return ErrorFormat.forPath(uri == null ? null : uri.getPath(false))
                .response(ErrorType.INTERNAL, 500, "Internal error; see the gateway log for call " + callId);
    }
}
