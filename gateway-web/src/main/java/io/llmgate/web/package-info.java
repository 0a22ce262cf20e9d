/**
 * The WAR: JAX-RS resources and filters over {@code gateway-core}. Resources stay thin (decode, call the
 * use case, write the answer); everything that decides lives in core. Coded against {@code jakarta.*}
 * only, so the same WAR runs on Payara (Jersey) and WildFly (RESTEasy).
 */
package io.llmgate.web;
