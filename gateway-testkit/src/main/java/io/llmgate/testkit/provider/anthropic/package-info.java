/**
 * A fake of Anthropic's Messages API ({@code POST /v1/messages}): real response JSON and event streams, real
 * error bodies and statuses, and the request checks of the real API that a translating gateway must pass.
 */
package io.llmgate.testkit.provider.anthropic;
