/**
 * A loopback fake of the OpenAI HTTP API ({@link io.llmgate.testkit.upstream.FakeOpenAiUpstream}).
 * It answers in OpenAI's real wire format (JSON bodies, {@code data:} server-sent events ending in
 * {@code [DONE]}, OpenAI error bodies) and misbehaves on request through a per-model
 * {@link io.llmgate.testkit.upstream.Scenario}: errors, slow or stalled streams, dropped connections,
 * malformed bodies. Every request is recorded before it is answered.
 */
package io.llmgate.testkit.upstream;
