/** Thin JAX-RS resources: each method decodes and hands over to core; LiteLLM's {@code /v1} and bare paths both answer. */
package io.llmgate.web.rest;
