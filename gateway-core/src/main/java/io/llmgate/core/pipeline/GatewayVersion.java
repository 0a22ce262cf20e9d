package io.llmgate.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The gateway's version, from the Maven metadata packaged in the core jar. */
public final class GatewayVersion {
    private static final String VERSION = read();

    private GatewayVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = GatewayVersion.class.getResourceAsStream(
                "/META-INF/maven/io.llmgate/gateway-core/pom.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
