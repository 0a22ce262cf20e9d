/** A fake Cohere speaking its v2 chat and embed wire formats for the provider conformance suite. */
package io.llmgate.testkit.provider.cohere;
