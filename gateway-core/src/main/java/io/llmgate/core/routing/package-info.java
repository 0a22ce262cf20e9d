/**
 * Which deployment serves a request: the catalog of model groups built from configuration, and the
 * router, a pure function from request and catalog to ordered targets.
 */
package io.llmgate.core.routing;
