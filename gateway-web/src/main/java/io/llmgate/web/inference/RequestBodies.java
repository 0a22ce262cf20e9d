package io.llmgate.web.inference;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body without ever holding more than {@code max_request_size_mb} of it. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** @param declaredLength the Content-Length, or -1 when the body is chunked */
    public static byte[] read(InputStream body, long declaredLength, long maxBytes) {
        if (declaredLength > maxBytes) {
            throw tooLarge(declaredLength, maxBytes);
        }
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(-1, maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw GatewayException.invalidField(null, "The request body could not be read completely");
        }
    }

    private static GatewayException tooLarge(long length, long maxBytes) {
        return new GatewayException(ErrorType.REQUEST_TOO_LARGE, "Request body too large"
                + (length >= 0 ? " (" + length + " bytes)" : "") + ": the limit is " + maxBytes
                + " bytes (general_settings.max_request_size_mb)");
    }
}
