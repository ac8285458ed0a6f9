package nl.kunstloc.publieksdata.delivery.control;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes a delivery's accepted rows into {@code delivery_row} while the file is read: PostgreSQL
 * {@code COPY ... FROM STDIN} in batches (the pooled connection unwrapped to pgjdbc's), JDBC batch
 * inserts on H2. Plain JDBC without CDI, so a benchmark can use it with its own connection.
 * Transactions are the caller's: in the server the validation job's, so a failed run leaves no rows.
 */
public final class DeliveryRowStore {

    /** Rows per JDBC batch (H2); progress is reported every four batches of rows. */
    public static final int BATCH = 5_000;

    static final String COLUMNS = "delivery_id, institution_id, line_no, order_id, customer_pseudonym, order_date, "
            + "event_id, event_name, event_date, venue, genre, price_type, price, ticket_count, sales_channel, pc4, "
            + "municipality_code, country, outlier";

    /** The longest text each stored column takes (V4__delivery.sql); a longer value would fail the whole COPY. */
    private static final Map<CanonicalField, Integer> MAX_CHARS = new EnumMap<>(Map.of(
            CanonicalField.ORDER_ID, 100, CanonicalField.EVENT_ID, 100, CanonicalField.EVENT_NAME, 255,
            CanonicalField.VENUE, 255, CanonicalField.GENRE, 100, CanonicalField.PRICE_TYPE, 100,
            CanonicalField.SALES_CHANNEL, 100));

    /**
     * The first mapped value too long for its column ("EVENT_NAME: 1048576 characters, at most 255"), or
     * null: such a row is rejected and reported with its line instead of failing the delivery's COPY.
     */
    static String overlong(Map<CanonicalField, String> values) {
        // the limits as arrays: iterating an EnumMap's entries makes an entry object each, for every row
        for (int i = 0; i < LIMITED.length; i++) {
            String value = values.get(LIMITED[i]);
            if (value != null && value.length() > LIMITS[i]) {
                return LIMITED[i].name() + ": " + value.length() + " characters, at most " + LIMITS[i];
            }
        }
        return null;
    }

    private static final CanonicalField[] LIMITED = MAX_CHARS.keySet().toArray(CanonicalField[]::new);
    private static final int[] LIMITS = MAX_CHARS.values().stream().mapToInt(Integer::intValue).toArray();

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

    /**
     * Deletes the delivery's rows first, so a re-run (a restart, a new mapping) never duplicates. On
     * PostgreSQL the rows go in one {@code COPY} that stays open for the whole read: the server stores a
     * chunk while the next is read and checked, so on two cores reading and storing overlap. A read that
     * fails cancels the COPY, so nothing of it is stored.
     */
    public ValidationReport store(long deliveryId, long institutionId, Read read, RowSink alsoTo, LongConsumer progress)
            throws IOException, SQLException {
        deleteDelivery(deliveryId);
        Batch batch = new Batch(deliveryId, institutionId, progress);
        boolean done = false;
        try {
            ValidationReport report = read.into(RowSink.of(row -> {
                batch.add(row);
                alsoTo.accept(row);
            }, (RejectedRow row) -> {
                batch.seen();
                alsoTo.reject(row);
            }));
            batch.finish();
            done = true;
            return report;
        } finally {
            if (!done) {
                batch.cancel();
            }
        }
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
        /** Bytes of COPY text handed to the driver at a time. */
        private static final int CHUNK = 1 << 16;
        final long deliveryId;
        final long institutionId;
        final LongConsumer progress;
        final List<DeliveryRow> rows = new ArrayList<>(BATCH);
        final CopyText text = new CopyText(CHUNK + 4096);
        CopyIn copying;
        long seen;

        Batch(long deliveryId, long institutionId, LongConsumer progress) {
            this.deliveryId = deliveryId;
            this.institutionId = institutionId;
            this.progress = progress;
        }

        void add(DeliveryRow row) {
            seen();
            try {
                if (copy != null) {
                    text.row(deliveryId, institutionId, row);
                    if (text.size() >= CHUNK) {
                        send();
                    }
                } else {
                    rows.add(row);
                    if (rows.size() >= BATCH) {
                        insert();
                        rows.clear();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("storing rows of delivery " + deliveryId + " failed", e);
            }
        }

        void seen() {
            if (++seen % (BATCH * 4L) == 0) {
                progress.accept(seen);
            }
        }

        private void send() throws SQLException {
            if (copying == null) {
                copying = copy.copyIn("COPY delivery_row (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)");
            }
            copying.writeToCopy(text.bytes(), 0, text.size());
            text.clear();
        }

        void finish() throws SQLException {
            if (copy != null) {
                if (text.size() > 0) {
                    send();
                }
                if (copying != null) {
                    copying.endCopy();
                    copying = null;
                }
            } else if (!rows.isEmpty()) {
                insert();
                rows.clear();
            }
        }

        void cancel() {
            if (copying != null && copying.isActive()) {
                try {
                    copying.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction is rolled back by the caller; the failed read is what gets reported
                }
            }
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

    /** COPY's CSV (as {@link CopyText} writes it): an unquoted empty field is NULL, a quoted one an empty string. */
    static String csv(long deliveryId, long institutionId, List<DeliveryRow> rows) {
        CopyText out = new CopyText(rows.size() * 160 + 16);
        for (DeliveryRow r : rows) {
            out.row(deliveryId, institutionId, r);
        }
        return out.toString();
    }
}
