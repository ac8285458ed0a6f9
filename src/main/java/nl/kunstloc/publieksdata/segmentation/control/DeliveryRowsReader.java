package nl.kunstloc.publieksdata.segmentation.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Streams an institution's validated rows ({@code delivery_row}) of the given deliveries into an
 * {@link AudienceFigureCalculator.Accumulation}: one query, read once, dates as epoch days so no
 * {@code LocalDate} is made per row. Works on PostgreSQL (fetch size needs autocommit off, so the
 * caller's transaction) and H2. On PostgreSQL the rows come as binary {@code COPY} ({@link BinaryCopyRows}): the
 * same rows and figures, read in about half the time (docs/performance.md, issue 13); the query below is the
 * path for H2 and for a connection that cannot be unwrapped to the PostgreSQL driver's.
 *
 * <p>The order id and the pseudonym are handed on as their 64-bit keys ({@link AudienceFigureCalculator#key}):
 * the calculator needs only their identity. Hashing them in PostgreSQL instead ({@code hashtextextended}) was
 * measured and was slower: the backend's CPU grew more than the JVM's shrank (docs/performance.md, issue 13).
 */
public final class DeliveryRowsReader {

    static final int FETCH = 20_000;

    private DeliveryRowsReader() {
    }

    public static long read(Connection c, long institutionId, List<Long> deliveryIds,
            AudienceFigureCalculator.Accumulation into) throws SQLException {
        if (deliveryIds.isEmpty()) {
            return 0;
        }
        CopyManager copy = copyManager(c);
        if (copy != null) {
            return BinaryCopyRows.read(copy, institutionId, deliveryIds, into);
        }
        return readByQuery(c, institutionId, deliveryIds, into);
    }

    /** The rows through a result set: H2's way, and PostgreSQL's in the test that compares it with the COPY. */
    static long readByQuery(Connection c, long institutionId, List<Long> deliveryIds,
            AudienceFigureCalculator.Accumulation into) throws SQLException {
        String in = deliveryIds.stream().map(id -> "?").collect(Collectors.joining(","));
        String sql = "SELECT delivery_id, order_id, customer_pseudonym, "
                + "CAST(DATEDIFF('DAY', DATE '1970-01-01', order_date) AS INTEGER), event_id, event_name, "
                + "CAST(DATEDIFF('DAY', DATE '1970-01-01', event_date) AS INTEGER), genre, ticket_count, pc4 "
                + "FROM delivery_row WHERE institution_id = ? AND delivery_id IN (" + in + ")";
        if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            sql = sql.replace("CAST(DATEDIFF('DAY', DATE '1970-01-01', order_date) AS INTEGER)", "(order_date - DATE '1970-01-01')")
                    .replace("CAST(DATEDIFF('DAY', DATE '1970-01-01', event_date) AS INTEGER)", "(event_date - DATE '1970-01-01')");
        }
        long rows = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH);
            s.setLong(1, institutionId);
            for (int i = 0; i < deliveryIds.size(); i++) {
                s.setLong(i + 2, deliveryIds.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int eventDay = r.getInt(7);
                    if (r.wasNull()) {
                        eventDay = AudienceFigureCalculator.NO_DAY;
                    }
                    String pc4 = r.getString(10);
                    into.add(r.getLong(1), AudienceFigureCalculator.key(r.getString(2)), AudienceFigureCalculator.key(r.getString(3)),
                            r.getInt(4), r.getString(5), r.getString(6), eventDay, r.getString(8), r.getInt(9), pc4 == null ? null : pc4.strip());
                    rows++;
                }
            }
        }
        return rows;
    }

    private static CopyManager copyManager(Connection c) {
        try {
            return c.isWrapperFor(PGConnection.class) ? c.unwrap(PGConnection.class).getCopyAPI() : null;
        } catch (SQLException | RuntimeException | LinkageError notPostgres) {
            return null;
        }
    }
}
