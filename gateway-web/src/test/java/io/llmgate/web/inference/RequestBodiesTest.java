package io.llmgate.web.inference;

import io.llmgate.api.error.ErrorType;
import io.llmgate.api.error.GatewayException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestBodiesTest {
    @Test
    void should_refuse_a_declared_length_over_the_limit_without_reading() {
        // given
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> RequestBodies.read(untouchable, 2_000, 1_000));

        // then
        assertThat(error.status()).isEqualTo(413);
        assertThat(error.type()).isEqualTo(ErrorType.REQUEST_TOO_LARGE);
        assertThat(error).hasMessage("Request body too large (2000 bytes): the limit is 1000 bytes "
                + "(general_settings.max_request_size_mb)");
    }

    @Test
    void should_refuse_a_chunked_body_over_the_limit_after_reading_one_byte_more() {
        // given
        CountingStream endless = new CountingStream(Long.MAX_VALUE);

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> RequestBodies.read(endless, -1, 1_000));

        // then
        assertThat(error.status()).isEqualTo(413);
        assertThat(error).hasMessage("Request body too large: the limit is 1000 bytes (general_settings.max_request_size_mb)");
        assertThat(endless.served).isEqualTo(1_001);
    }

    @Test
    void should_refuse_a_body_longer_than_its_declared_length_allows() {
        // when
        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> RequestBodies.read(new ByteArrayInputStream(new byte[1_001]), 10, 1_000));

        // then
        assertThat(error.status()).isEqualTo(413);
    }

    @Test
    void should_accept_a_body_of_exactly_the_limit() {
        // given
        byte[] body = new byte[1_000];
        body[999] = 7;

        // when
        byte[] read = RequestBodies.read(new ByteArrayInputStream(body), 1_000, 1_000);
        byte[] chunked = RequestBodies.read(new ByteArrayInputStream(body), -1, 1_000);

        // then
        assertThat(read).isEqualTo(body);
        assertThat(chunked).isEqualTo(body);
    }

    @Test
    void should_read_no_body_as_empty() {
        // then
        assertThat(RequestBodies.read(null, -1, 1_000)).isEmpty();
        assertThat(RequestBodies.read(new ByteArrayInputStream(new byte[0]), 0, 1_000)).isEmpty();
    }

    @Test
    void should_report_a_broken_body_as_a_400() {
        // given
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        // when
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> RequestBodies.read(broken, -1, 1_000));

        // then
        assertThat(error.status()).isEqualTo(400);
        assertThat(error).hasMessage("The request body could not be read completely");
    }

    /** Serves zero bytes up to a length and counts how many it served. */
    private static final class CountingStream extends InputStream {
        private final long length;
        long served;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (served == length) {
                return -1;
            }
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = (int) Math.min(len, length - served);
            if (n <= 0) {
                return -1;
            }
            served += n;
            return n;
        }
    }
}
