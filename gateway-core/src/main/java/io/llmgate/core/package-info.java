/**
 * The gateway without a container. Core declares ports (interfaces such as
 * {@link io.llmgate.core.health.DatabaseProbe}) that the persistence and web modules implement, and
 * never imports {@code jakarta.ws.rs} or {@code jakarta.persistence}. CDI annotations are allowed:
 * the request pipeline's hooks are CDI interceptors.
 */
package io.llmgate.core;
