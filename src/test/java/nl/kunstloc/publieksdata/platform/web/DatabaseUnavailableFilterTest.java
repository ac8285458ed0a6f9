package nl.kunstloc.publieksdata.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.ServletException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are "the database cannot be reached" (a 503 page of its own) and which stay errors of the portal. */
class DatabaseUnavailableFilterTest {

    @Test
    void a_refused_or_broken_connection_deep_in_the_cause_chain_is_the_database_being_away() {
        var refused = new PersistenceException("EclipseLink-4002", new SQLException(
                "Error in allocating a connection. Cause: Connection could not be allocated because: Connection to 127.0.0.1:5432 refused.",
                null, new ConnectException("Connection refused")));
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new ServletException(new RuntimeException(refused)))).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(
                new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
    }

    @Test
    void other_database_errors_are_no_outage() {
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new IllegalStateException("no such task"))).isFalse();
    }
}
