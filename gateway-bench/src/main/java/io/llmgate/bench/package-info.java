/**
 * The gateway load benchmark: an open-model (constant request rate) load generator that calls an
 * in-process fake OpenAI upstream directly and through the gateway, back to back, and reports what
 * the gateway adds to latency (coordinated-omission corrected, HdrHistogram), to CPU per request
 * and to stream timing. Entry point: {@link io.llmgate.bench.GatewayBenchmark}; run it with
 * {@code ./mvnw -Pbench -DskipTests verify}.
 */
package io.llmgate.bench;
