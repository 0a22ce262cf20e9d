/** Deployments managed at runtime ({@code /model/new}), stored in {@code proxy_model}. */
package io.llmgate.persistence.model;
