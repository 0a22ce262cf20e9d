/** Turning an HTTP body into a validated inference request: JSON parsing, type checks that name the field, endpoint kinds. */
package io.llmgate.core.request;
