package nl.kunstloc.publieksdata.delivery.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a delivery's accepted rows into {@code delivery_row} while the file is read: PostgreSQL
 * {@code COPY ... FROM STDIN} in batches (the pooled connection unwrapped to pgjdbc's), JDBC batch
 * inserts on H2. Plain JDBC without CDI, so a benchmark can use it with its own connection.
 * Transactions are the caller's: in the server the validation job's, so a failed run leaves no rows.
 */
public final class DeliveryRowStore {

    /** Rows per COPY/batch: big enough to amortise a round trip, small enough to stay far from the heap limit. */
    public static final int BATCH = 5_000;

    static final String COLUMNS = "delivery_id, institution_id, line_no, order_id, customer_pseudonym, order_date, "
            + "event_id, event_name, event_date, venue, genre, price_type, price, ticket_count, sales_channel, pc4, "
            + "municipality_code, country, outlier";

    /** Reads the export, handing every row to the sink; returns the report (DeliveryReader.read with its arguments bound). */
    @FunctionalInterface
    public interface Read {
        ValidationReport into(RowSink sink) throws IOException;
    }

    private final Connection connection;
    private final CopyManager copy;

    public DeliveryRowStore(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.copy = copyManager(connection);
    }

    private static CopyManager copyManager(Connection connection) {
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                return connection.unwrap(PGConnection.class).getCopyAPI();
            }
            return null;
        } catch (SQLException | RuntimeException | LinkageError notPostgres) {
            return null;
        }
    }

    public boolean usesCopy() {
        return copy != null;
    }

    /** Deletes the delivery's rows first, so a re-run (a restart, a new mapping) never duplicates. */
    public ValidationReport store(long deliveryId, long institutionId, Read read, RowSink alsoTo, LongConsumer progress)
            throws IOException, SQLException {
        deleteDelivery(deliveryId);
        Batch batch = new Batch(deliveryId, institutionId, progress);
        ValidationReport report = read.into(RowSink.of(row -> {
            batch.add(row);
            alsoTo.accept(row);
        }, (RejectedRow row) -> {
            batch.seen();
            alsoTo.reject(row);
        }));
        batch.flush();
        return report;
    }

    public long deleteDelivery(long deliveryId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM delivery_row WHERE delivery_id = ?")) {
            delete.setLong(1, deliveryId);
            return delete.executeUpdate();
        }
    }

    public long deleteInstitution(long institutionId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM delivery_row WHERE institution_id = ?")) {
            delete.setLong(1, institutionId);
            return delete.executeUpdate();
        }
    }

    public long count(long deliveryId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM delivery_row WHERE delivery_id = ?")) {
            count.setLong(1, deliveryId);
            try (var rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private final class Batch {
        final long deliveryId;
        final long institutionId;
        final LongConsumer progress;
        final List<DeliveryRow> rows = new ArrayList<>(BATCH);
        long seen;

        Batch(long deliveryId, long institutionId, LongConsumer progress) {
            this.deliveryId = deliveryId;
            this.institutionId = institutionId;
            this.progress = progress;
        }

        void add(DeliveryRow row) {
            rows.add(row);
            seen();
            if (rows.size() >= BATCH) {
                flush();
            }
        }

        void seen() {
            if (++seen % (BATCH * 4L) == 0) {
                progress.accept(seen);
            }
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            try {
                if (copy != null) {
                    copy.copyIn("COPY delivery_row (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                            new StringReader(csv(deliveryId, institutionId, rows)));
                } else {
                    insert();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("storing rows of delivery " + deliveryId + " failed", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.clear();
        }

        private void insert() throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO delivery_row (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DeliveryRow r : rows) {
                    int i = 1;
                    insert.setLong(i++, deliveryId);
                    insert.setLong(i++, institutionId);
                    insert.setLong(i++, r.line());
                    insert.setString(i++, r.orderId());
                    insert.setString(i++, r.customerPseudonym());
                    insert.setDate(i++, Date.valueOf(r.orderDate()));
                    insert.setString(i++, r.eventId());
                    insert.setString(i++, r.eventName());
                    if (r.eventDate() == null) {
                        insert.setNull(i++, Types.DATE);
                    } else {
                        insert.setDate(i++, Date.valueOf(r.eventDate()));
                    }
                    insert.setString(i++, r.venue());
                    insert.setString(i++, r.genre());
                    insert.setString(i++, r.priceType());
                    insert.setBigDecimal(i++, r.price());
                    insert.setInt(i++, r.ticketCount());
                    insert.setString(i++, r.salesChannel());
                    insert.setString(i++, r.pc4());
                    insert.setString(i++, r.municipalityCode());
                    insert.setString(i++, r.country());
                    insert.setBoolean(i, r.outlier());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** COPY's CSV: an unquoted empty field is NULL, a quoted one an empty string. */
    static String csv(long deliveryId, long institutionId, List<DeliveryRow> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 160);
        for (DeliveryRow r : rows) {
            out.append(deliveryId).append(',').append(institutionId).append(',').append(r.line()).append(',');
            text(out, r.orderId()).append(',');
            text(out, r.customerPseudonym()).append(',');
            out.append(r.orderDate()).append(',');
            text(out, r.eventId()).append(',');
            text(out, r.eventName()).append(',');
            if (r.eventDate() != null) {
                out.append(r.eventDate());
            }
            out.append(',');
            text(out, r.venue()).append(',');
            text(out, r.genre()).append(',');
            text(out, r.priceType()).append(',');
            BigDecimal price = r.price();
            if (price != null) {
                out.append(price.toPlainString());
            }
            out.append(',').append(r.ticketCount()).append(',');
            text(out, r.salesChannel()).append(',');
            text(out, r.pc4()).append(',');
            text(out, r.municipalityCode()).append(',');
            text(out, r.country()).append(',');
            out.append(r.outlier()).append('\n');
        }
        return out.toString();
    }

    private static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }
}
