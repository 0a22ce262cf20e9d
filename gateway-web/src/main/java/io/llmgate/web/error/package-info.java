/**
 * Every error leaves the gateway as OpenAI's {@code {"error":{message,type,param,code}}}, whatever threw it,
 * except on the Anthropic Messages front door, whose errors take Anthropic's shape ({@link io.llmgate.web.error.ErrorFormat}).
 */
package io.llmgate.web.error;
