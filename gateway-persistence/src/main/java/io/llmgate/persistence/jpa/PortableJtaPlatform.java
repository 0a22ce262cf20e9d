package io.llmgate.persistence.jpa;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformException;

import java.util.List;

/**
 * Hibernate's view of the server's JTA: WildFly binds the transaction manager at
 * {@code java:jboss/TransactionManager}, Payara at {@code java:appserver/TransactionManager}.
 * Hibernate's own platforms each know only one of them, and without any Payara fails at boot
 * ("No JTA platform available").
 */
public final class PortableJtaPlatform extends AbstractJtaPlatform {
    private static final long serialVersionUID = 1L;
    private static final List<String> TRANSACTION_MANAGERS = List.of(
            "java:jboss/TransactionManager", "java:appserver/TransactionManager");
    private static final String USER_TRANSACTION = "java:comp/UserTransaction";

    @Override
    protected TransactionManager locateTransactionManager() {
        for (String name : TRANSACTION_MANAGERS) {
            try {
                return (TransactionManager) jndiService().locate(name);
            } catch (JndiException notThisServer) {
                // try the next server's name
            }
        }
        throw new JtaPlatformException("No JTA TransactionManager in JNDI at " + TRANSACTION_MANAGERS);
    }

    @Override
    protected UserTransaction locateUserTransaction() {
        return (UserTransaction) jndiService().locate(USER_TRANSACTION);
    }
}
