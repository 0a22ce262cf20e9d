/**
 * AWS Bedrock: chat through the Converse API ({@code /converse}, {@code /converse-stream} with AWS's binary
 * event-stream framing), embeddings through InvokeModel (Titan, Cohere), requests signed with SigV4 by AWS's
 * own signer or authorized with a Bedrock API key. Translation classes are named by direction
 * ({@code ToConverse}, {@code FromConverse}).
 */
package io.llmgate.core.provider.bedrock;
