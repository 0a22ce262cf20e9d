package io.llmgate.testkit.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP/1.1 over a bare socket, for what a client library hides: chunk boundaries, the
 * terminating zero-length chunk, and whether a connection is reused.
 */
final class RawHttp implements AutoCloseable {

    /** A response whose body has a Content-Length. */
    record SizedResponse(String head, String body) {
    }

    /** A chunked response split at chunk boundaries, and whether the zero-length last chunk came. */
    record ChunkedResponse(String head, List<String> payloads, boolean terminated) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void sendPost(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Reads one response whose body has a Content-Length, leaving the connection usable. */
    SizedResponse readSizedResponse() throws IOException {
        String head = readHead();
        int length = Integer.parseInt(headerValue(head, "content-length"));
        return new SizedResponse(head, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    /** Reads a chunked response up to its zero-length last chunk, or until the connection ends. */
    ChunkedResponse readChunkedResponse() throws IOException {
        String head = readHead();
        List<String> payloads = new ArrayList<>();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                return new ChunkedResponse(head, payloads, false);
            }
            int size = Integer.parseInt(sizeLine.trim(), 16);
            if (size == 0) {
                readLine();
                return new ChunkedResponse(head, payloads, true);
            }
            byte[] payload = in.readNBytes(size);
            payloads.add(new String(payload, StandardCharsets.UTF_8));
            if (payload.length < size || readLine() == null) {
                return new ChunkedResponse(head, payloads, false);
            }
        }
    }

    static String headerValue(String head, String name) {
        return head.lines()
                .filter(line -> line.toLowerCase().startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " header in:\n" + head));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    /** One CRLF-terminated line without its terminator; null at end of stream. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next >= 0; next = in.read()) {
            if (next == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(next);
        }
        return null;
    }
}
