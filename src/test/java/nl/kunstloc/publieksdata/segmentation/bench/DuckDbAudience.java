package nl.kunstloc.publieksdata.segmentation.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.bench.AudienceRowGenerator.Row;
import nl.kunstloc.publieksdata.segmentation.control.Pc4Centroids;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;

/**
 * The same rows and model in DuckDB, for computing the report's figures independently in SQL
 * ({@code SegmentationCrossCheckTest}) and for timing them ({@code SegmentationBenchmark}): tables {@code r} (rows),
 * {@code m} (people per PC4 and segment), {@code area} (PC4 centroid and municipality) and {@code pop} (people per PC4).
 */
public final class DuckDbAudience {

    private DuckDbAudience() {
    }

    public static void load(Connection d, List<Row> rows, ModelData model, Pc4Centroids centroids, PostcodeDirectory directory)
            throws Exception {
        try (Statement s = d.createStatement()) {
            s.execute("CREATE TABLE r (delivery_id BIGINT, order_id VARCHAR, customer VARCHAR, order_day INTEGER, event_id VARCHAR, "
                    + "event_day INTEGER, genre VARCHAR, tickets INTEGER, pc4 VARCHAR)");
            s.execute("CREATE TABLE m (pc4 VARCHAR, seg VARCHAR, people DOUBLE)");
            s.execute("CREATE TABLE area (pc4 VARCHAR, lat DOUBLE, lon DOUBLE, municipality VARCHAR)");
        }
        try (var appender = ((org.duckdb.DuckDBConnection) d).createAppender("main", "r")) {
            for (Row r : rows) {
                appender.beginRow();
                appender.append(r.deliveryId());
                appender.append(r.orderId());
                appender.append(r.customer());
                appender.append(r.orderDay());
                appender.append(r.eventId());
                appender.append(r.eventDay());
                appender.append(r.genre());
                appender.append(r.tickets());
                appender.append(r.pc4());
                appender.endRow();
            }
        }
        try (var appender = ((org.duckdb.DuckDBConnection) d).createAppender("main", "m")) {
            for (String pc4 : model.pc4s()) {
                double[] c = model.counts(pc4);
                for (int i = 0; i < c.length; i++) {
                    appender.beginRow();
                    appender.append(pc4);
                    appender.append(model.segments().get(i).code());
                    appender.append(c[i]);
                    appender.endRow();
                }
            }
        }
        try (var appender = ((org.duckdb.DuckDBConnection) d).createAppender("main", "area")) {
            for (String pc4 : model.pc4s()) {
                var centre = centroids.of(pc4);
                appender.beginRow();
                appender.append(pc4);
                if (centre.isPresent()) {
                    appender.append(centre.get().latitude());
                    appender.append(centre.get().longitude());
                } else {
                    appender.appendNull();
                    appender.appendNull();
                }
                appender.append(directory.municipalityOfPc4(pc4).orElseThrow().code());
                appender.endRow();
            }
        }
        try (Statement s = d.createStatement()) {
            s.execute("CREATE TABLE pop AS SELECT pc4, SUM(people) AS total FROM m GROUP BY pc4");
        }
    }
}
