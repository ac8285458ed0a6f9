package nl.kunstloc.publieksdata.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the Payara Micro that Arquillian starts at the same kind of database as the other
 * integration tests (PostgreSQL when it answers, a fresh database; H2 otherwise). Must be
 * registered before the Arquillian extension, which reads payara.cmdOptions when it starts.
 */
public class ArquillianDatabase implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty("com.sun.aas.instanceRoot") != null) {
            return; // the test class runs again inside Payara for each test: the server has its database already
        }
        String options = "-Xmx512m -XX:+UseSerialGC -Dpublieksdata.demo=false";
        if (PortalServer.postgresAnswers()) {
            String name = "publieksdata_arq_" + System.currentTimeMillis();
            PortalServer.createPostgresDatabase(name);
            options += " -Dpublieksdata.db.driver-class=org.postgresql.ds.PGSimpleDataSource"
                    + " -Dpublieksdata.db.url=jdbc:postgresql://127.0.0.1:5432/" + name
                    + " -Dpublieksdata.db.user=postgres -Dpublieksdata.db.password=";
            System.out.println("[Arquillian] Payara Micro on PostgreSQL database " + name);
        } else {
            options += " -Dpublieksdata.db.url=jdbc:h2:mem:arquillian;DB_CLOSE_DELAY=-1";
            System.out.println("[Arquillian] Payara Micro on H2 (PostgreSQL does not answer)");
        }
        System.setProperty("payara.cmdOptions", options);
        System.setProperty("payara.consoleOutput", "false");
    }
}
