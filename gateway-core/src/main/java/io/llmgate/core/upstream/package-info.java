/**
 * Calling providers over HTTP: one pooled Apache HttpClient 5 async client, with its own retries off
 * (retries belong to the router), explicit timeouts, a bounded buffering consumer for JSON answers and
 * a streaming consumer that turns SSE bytes into events as they arrive, with back-pressure.
 */
package io.llmgate.core.upstream;
