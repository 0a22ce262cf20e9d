/**
 * What makes the bundled Hibernate run unchanged on Payara and WildFly (see META-INF/persistence.xml):
 * a JTA platform that finds either server's transaction manager.
 */
package io.llmgate.persistence.jpa;
