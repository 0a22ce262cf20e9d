/** A fake OpenAI, and Azure OpenAI, speaking their wire formats for the provider conformance suite. */
package io.llmgate.testkit.provider.openai;
