package nl.kunstloc.publieksdata.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The start-up line names what the driver said (host and port), not the pool's wrapping around it. */
class DatabaseReachabilityTest {

    @Test
    void the_cause_is_the_drivers_message_with_host_and_port() {
        var refused = new SQLException("Connection to 127.0.0.1:15433 refused. Check that the hostname and port are correct.",
                "08001", new ConnectException("Connection refused"));
        var wrapped = new RuntimeException("EclipseLink-4002", new SQLException(
                "Error in allocating a connection. Cause: Connection could not be allocated because: ...", null,
                new IllegalStateException("pool", refused)));

        assertThat(DatabaseReachability.rootMessage(wrapped)).startsWith("Connection to 127.0.0.1:15433 refused.");
    }

    @Test
    void without_a_driver_message_the_innermost_cause_speaks() {
        assertThat(DatabaseReachability.rootMessage(new IllegalStateException("outer", new ConnectException("Connection refused"))))
                .isEqualTo("Connection refused");
    }
}
