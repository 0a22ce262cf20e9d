/**
 * Fakes of every provider the gateway translates for, behind one scripting contract
 * ({@link io.llmgate.testkit.provider.ProviderFake}, {@link io.llmgate.testkit.provider.Reply}) so that a
 * single conformance suite drives all adapters. Each provider's fake lives in a subpackage and writes that
 * provider's real wire format, taken from its public API documentation.
 */
package io.llmgate.testkit.provider;
