package io.llmgate.it.support;

import io.llmgate.testkit.upstream.FakeOpenAiUpstream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.concurrent.TimeUnit;

/**
 * Deploys the built {@code llmgate.war}, unchanged, into the server Arquillian launches (Payara Micro
 * or WildFly) once per test class, and runs the tests from outside as an HTTP client. Before each
 * test the fake upstream forgets its scripts and recorded requests, so tests do not depend on order.
 */
@ExtendWith(ArquillianExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class DeployedGatewayTestBase {

    @ArquillianResource
    private URL deploymentUrl;

    protected GatewayClient gateway;
    protected FakeOpenAiUpstream upstream;

    @Deployment(testable = false)
    public static WebArchive llmgateWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, GatewayEnvironment.war().toFile());
    }

    @BeforeEach
    void connectToTheGatewayAndResetTheUpstream() {
        gateway = GatewayClient.forDeployment(deploymentUrl);
        upstream = GatewayEnvironment.upstream();
        upstream.clearScripts();
        upstream.clearRequests();
    }
}
