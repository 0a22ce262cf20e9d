package io.llmgate.web.persistence;

import io.llmgate.persistence.datasource.GatewayDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;

/**
 * Makes the server's data source and the {@code llmgate} persistence context injectable with {@code @Inject}.
 * Resource injection is declared here, in the WAR's own classes, because Payara does not bind
 * {@code @Resource}/{@code @PersistenceContext} declared by beans inside {@code WEB-INF/lib} jars
 * ("Lookup failed for 'java:comp/env/...'"); WildFly would accept either place.
 */
@ApplicationScoped
public class PersistenceResources {
    @Produces
    @Resource(lookup = GatewayDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Produces
    @PersistenceContext(unitName = "llmgate")
    private EntityManager entityManager;
}
