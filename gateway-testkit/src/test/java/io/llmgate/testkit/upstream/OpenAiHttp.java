package io.llmgate.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A plain JDK HTTP client for the fake, reading streams line by line as they arrive. */
final class OpenAiHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One {@code data:} line and when it arrived. */
    record TimedEvent(String data, long arrivedNanos) {
        JsonNode json() {
            return OpenAiHttp.parse(data);
        }
    }

    /** Everything a streaming call saw, including how it ended. */
    record StreamCapture(int status, HttpHeaders headers, List<TimedEvent> events, Optional<IOException> failure) {
        List<JsonNode> jsonEvents() {
            return events.stream().filter(e -> !e.data().equals("[DONE]")).map(TimedEvent::json).toList();
        }

        boolean endedWithDone() {
            return !events.isEmpty() && events.get(events.size() - 1).data().equals("[DONE]");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    OpenAiHttp(FakeOpenAiUpstream upstream) {
        this.baseUrl = upstream.baseUrl();
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return client.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Streams a response line by line, timing each {@code data:} line as it arrives. Uses a line
     * subscriber rather than {@code BodyHandlers.ofLines()}: the latter's input stream may report a
     * broken connection before handing out lines it has already buffered, which would hide the
     * events sent before a drop.
     */
    StreamCapture stream(String path, String json) throws InterruptedException {
        EventRecorder recorder = new EventRecorder();
        HttpResponse.ResponseInfo[] info = new HttpResponse.ResponseInfo[1];
        HttpRequest request = request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        client.sendAsync(request, responseInfo -> {
            info[0] = responseInfo;
            return HttpResponse.BodySubscribers.fromLineSubscriber(recorder);
        }).whenComplete((response, failure) -> recorder.failBeforeBody(failure));
        Optional<IOException> failure = recorder.awaitEnd();
        if (info[0] == null) {
            throw new AssertionError("no response", failure.orElse(null));
        }
        return new StreamCapture(info[0].statusCode(), info[0].headers(), recorder.events(), failure);
    }

    /** Collects timed {@code data:} lines and how the body ended. */
    private static final class EventRecorder implements Flow.Subscriber<String> {
        private final List<TimedEvent> events = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Optional<IOException>> end = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data: ")) {
                events.add(new TimedEvent(line.substring("data: ".length()), System.nanoTime()));
            }
        }

        @Override
        public void onError(Throwable failure) {
            end.complete(Optional.of(failure instanceof IOException io ? io : new IOException(failure)));
        }

        /** A failure before any body (e.g. connection refused) never reaches the subscriber. */
        void failBeforeBody(Throwable failure) {
            if (failure != null) {
                onError(failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure);
            }
        }

        @Override
        public void onComplete() {
            end.complete(Optional.empty());
        }

        Optional<IOException> awaitEnd() throws InterruptedException {
            try {
                return end.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("stream did not end", e);
            }
        }

        List<TimedEvent> events() {
            return List.copyOf(events);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-test");
    }
}
