package io.llmgate.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Payara Micro child process: command line and the environment it adds to the launcher's own.
 *
 * @param command     {@code java <opts> -jar payara-micro.jar --deploy llmgate.war ...}
 * @param environment variables to set for the child (the embedded database's {@code GW_DB_*}, if any)
 */
record PayaraMicroCommand(List<String> command, Map<String, String> environment) {
    /**
     * asadmin commands run after boot (the same file the integration tests and the benchmark use): Payara's own
     * MicroProfile Health and Metrics answer {@code /health/*} and {@code /metrics} and would hide the gateway's.
     */
    static final String BOOT_COMMANDS = "gateway-web/src/main/payara/post-boot-commands.asadmin";

    static PayaraMicroCommand of(LaunchSettings settings, Path java, Path bootCommandFile, Optional<DatabaseAddress> embeddedDatabase) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(settings.javaOptions());
        settings.configFile().ifPresent(file -> command.add("-Dllmgate.config=" + file));
        command.addAll(List.of("-jar", settings.payaraJar().toString(),
                "--deploy", settings.war().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(settings.httpPort()),
                "--nocluster",
                "--nohazelcast",
                "--disablephonehome",
                "--postbootcommandfile", bootCommandFile.toString()));
        Map<String, String> environment = new LinkedHashMap<>();
        embeddedDatabase.ifPresent(db -> {
            environment.put("GW_DB_URL", db.jdbcUrl());
            environment.put("GW_DB_USER", db.user());
        });
        return new PayaraMicroCommand(List.copyOf(command), Map.copyOf(environment));
    }

    /** Where the embedded PostgreSQL listens; it trusts local connections, so there is no password. */
    record DatabaseAddress(String jdbcUrl, String user) {
    }
}
