/**
 * The development run command: {@link io.llmgate.launcher.GatewayLauncher} starts an embedded PostgreSQL
 * (zonky, persistent data directory) unless a database is configured, then Payara Micro with the gateway
 * WAR as a child process, and stops both when either the user or the server ends. Not part of the WAR.
 */
package io.llmgate.launcher;
