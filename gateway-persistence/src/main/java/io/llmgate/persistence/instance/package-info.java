/**
 * Which gateway processes use this database: each registers a row in {@code gateway_instance} at start-up.
 */
package io.llmgate.persistence.instance;
