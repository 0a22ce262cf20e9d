/**
 * The bridge from JAX-RS to the inference pipeline: bounded body reading, asynchronous answers
 * (no container thread waits for a provider), and SSE streams written by a dedicated writer thread.
 */
package io.llmgate.web.inference;
