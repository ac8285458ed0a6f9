package nl.kunstloc.publieksdata.report.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import org.apache.commons.csv.CSVPrinter;

/**
 * The pseudonymised validated rows of a report's deliveries for the open export, streamed from
 * {@code delivery_row} in plain JDBC (one query, a fetch size, no entity per row). Only deliveries of the
 * report's own institution whose raw rows still exist.
 */
@ApplicationScoped
public class OpenExportRows {

    static final int FETCH = 10_000;

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    /** The rows to write, or null when none of the report's deliveries still has its raw rows. */
    public OpenDataPackage.Rows of(AudienceReport report) {
        List<Long> kept = keptDeliveries(report);
        if (kept.isEmpty()) {
            return null;
        }
        return csv -> write(report.getInstitutionId(), kept, csv);
    }

    private List<Long> keptDeliveries(AudienceReport report) {
        List<Long> ids = report.deliveryIdList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(","));
        List<Long> kept = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM delivery WHERE institution_id = ? AND raw_deleted_at IS NULL"
                     + " AND id IN (" + in + ") ORDER BY id")) {
            s.setLong(1, report.getInstitutionId());
            for (int i = 0; i < ids.size(); i++) {
                s.setLong(i + 2, ids.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    kept.add(r.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the deliveries of report " + report.getId(), e);
        }
        return kept;
    }

    private void write(long institutionId, List<Long> deliveries, CSVPrinter csv) throws IOException {
        String in = deliveries.stream().map(id -> "?").collect(Collectors.joining(","));
        String sql = "SELECT " + String.join(", ", OpenDataPackage.ROW_FIELDS.keySet())
                + " FROM delivery_row WHERE institution_id = ? AND delivery_id IN (" + in + ") ORDER BY delivery_id, line_no";
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(FETCH);
                s.setLong(1, institutionId);
                for (int i = 0; i < deliveries.size(); i++) {
                    s.setLong(i + 2, deliveries.get(i));
                }
                int columns = OpenDataPackage.ROW_FIELDS.size();
                List<String> types = List.copyOf(OpenDataPackage.ROW_FIELDS.values());
                try (ResultSet r = s.executeQuery()) {
                    Object[] record = new Object[columns];
                    while (r.next()) {
                        for (int i = 0; i < columns; i++) {
                            record[i] = value(r, i + 1, types.get(i));
                        }
                        csv.printRecord(record);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("could not read the rows of deliveries " + deliveries, e));
        }
    }

    private static String value(ResultSet r, int column, String type) throws SQLException {
        switch (type) {
            case "date" -> {
                java.sql.Date d = r.getDate(column);
                return d == null ? "" : d.toLocalDate().toString();
            }
            case "number" -> {
                java.math.BigDecimal n = r.getBigDecimal(column);
                return n == null ? "" : n.toPlainString();
            }
            case "boolean" -> {
                boolean b = r.getBoolean(column);
                return r.wasNull() ? "" : String.valueOf(b);
            }
            default -> {
                String v = r.getString(column);
                return v == null ? "" : v.strip();
            }
        }
    }
}
