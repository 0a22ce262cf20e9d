/** Every error leaves the gateway as OpenAI's {@code {"error":{message,type,param,code}}}, whatever threw it. */
package io.llmgate.web.error;
