package nl.kunstloc.publieksdata.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The session migrations run on H2 as the portal runs them (common + h2); PostgreSQL is covered by SessionBrowserIT. */
class SessionSchemaTest {

    @Test
    void theMigrationsCreateTheSessionTablesOnH2() throws Exception {
        String url = "jdbc:h2:mem:session-schema;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
            s.execute("insert into institution (id, name, type, status, created_at, status_since) values (1, 'T', 'THEATRE', 'ACTIVE', now(), now())");
            s.execute("insert into knowledge_session (id, title, theme, starts_at, ends_at, capacity, registration_deadline, audience_kind, status, created_by, created_at)"
                    + " values (1, 't', 't', timestamp '2026-03-10 10:00:00', timestamp '2026-03-10 12:00:00', 5, timestamp '2026-03-05 10:00:00', 'ALL_INSTITUTIONS', 'PLANNED', 'c', now())");
            s.execute("insert into session_material (id, session_id, file_name, kind, size_bytes, uploaded_by, uploaded_at, content)"
                    + " values (1, 1, 'a.pdf', 'PDF', 3, 'c', now(), X'255044')");
            var rs = s.executeQuery("select count(*) from knowledge_session_role");
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
