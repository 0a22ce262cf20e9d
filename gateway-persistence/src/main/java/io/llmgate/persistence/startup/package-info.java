/** What happens to the database when the application starts: migrate, then register this instance. */
package io.llmgate.persistence.startup;
