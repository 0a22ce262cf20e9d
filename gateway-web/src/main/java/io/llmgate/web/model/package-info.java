/** The {@code /model} management API and the stored (database) deployments it manages. */
package io.llmgate.web.model;
