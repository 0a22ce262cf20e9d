/**
 * A fake AWS Bedrock runtime: Converse JSON, ConverseStream as binary event-stream messages encoded with AWS's
 * own codec, InvokeModel embeddings (Titan, Cohere), AWS error bodies with {@code x-amzn-ErrorType}, and a
 * SigV4 check that recomputes every signature from the request received.
 */
package io.llmgate.testkit.provider.bedrock;
