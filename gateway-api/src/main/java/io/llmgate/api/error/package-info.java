/**
 * The OpenAI-style error model every module speaks: one unchecked root ({@link GatewayException})
 * carrying the HTTP status, the OpenAI error {@code type}, whether a retry may help, and the
 * provider/model attribution that upstream and rate-limit errors must always carry.
 */
package io.llmgate.api.error;
