package io.llmgate.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the {@link GatewayEnvironment} once per test JVM, before the first test class (and so before
 * Arquillian starts a server, whose JVM options name the files and ports this creates), and stops it
 * when the session closes. Registered in {@code META-INF/services}; starting on the first test plan
 * rather than on session open keeps discovery-only sessions (IDEs) from booting PostgreSQL.
 */
public final class GatewayEnvironmentListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        session.getLauncher().registerTestExecutionListeners(new TestExecutionListener() {
            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                GatewayEnvironment.start();
            }
        });
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        GatewayEnvironment.stop();
    }
}
