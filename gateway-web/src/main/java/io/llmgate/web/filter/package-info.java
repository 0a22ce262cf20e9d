/**
 * Request filters, in order: a call id for every request (pre-matching), then authentication into a
 * typed {@link io.llmgate.web.filter.CallContext} that resources read through one accessor.
 */
package io.llmgate.web.filter;
