package nl.kunstloc.publieksdata.segmentation.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.ModelRef;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Source;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import nl.kunstloc.publieksdata.segmentation.entity.ModelStatus;
import nl.kunstloc.publieksdata.segmentation.entity.ModelSummary;
import nl.kunstloc.publieksdata.segmentation.entity.SegmentDefinition;

/**
 * Segment models in the database (tables of V11), with plain JDBC on the caller's connection: the
 * caller owns the transaction, so an import is saved whole or not at all. A model version is never
 * updated, only retired or (when no report uses it) deleted.
 */
public final class ModelStore {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ModelStore() {
    }

    /** Saves the model as the next version of its code; returns the stored model with its id and version. */
    public static ModelData save(Connection c, ModelData model, String importedBy, Instant now) throws SQLException {
        int version;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(model_version), 0) FROM segment_model WHERE code = ?")) {
            s.setString(1, model.ref().code());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                version = r.getInt(1) + 1;
            }
        }
        long id = nextId(c);
        ModelRef ref = new ModelRef(id, model.ref().code(), model.ref().name(), version, model.ref().kind(),
                model.ref().sources(), model.ref().licence());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO segment_model (id, code, name, model_version, kind, "
                + "sources, licence, imported_by, imported_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, ref.code());
            s.setString(3, ref.name());
            s.setInt(4, version);
            s.setString(5, ref.kind().name());
            s.setString(6, JSONB.toJson(ref.sources()));
            s.setString(7, ref.licence() == null ? "" : ref.licence());
            s.setString(8, importedBy);
            s.setTimestamp(9, Timestamp.from(now));
            s.setString(10, ModelStatus.ACTIVE.name());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO segment (model_id, code, name_nl, name_en, description, "
                + "colour, position) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (SegmentDefinition d : model.segments()) {
                s.setLong(1, id);
                s.setString(2, d.code());
                s.setString(3, d.nameNl());
                s.setString(4, d.nameEn());
                s.setString(5, d.description());
                s.setString(6, d.colour());
                s.setInt(7, d.order());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO segment_area_count (model_id, pc4, segment_code, people) VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (String pc4 : model.pc4s()) {
                double[] counts = model.counts(pc4);
                for (int i = 0; i < counts.length; i++) {
                    s.setLong(1, id);
                    s.setString(2, pc4);
                    s.setString(3, model.segments().get(i).code());
                    s.setDouble(4, counts[i]);
                    s.addBatch();
                    if (++n % 2000 == 0) {
                        s.executeBatch();
                    }
                }
            }
            s.executeBatch();
        }
        Map<String, double[]> counts = new HashMap<>();
        model.pc4s().forEach(p -> counts.put(p, model.counts(p)));
        return new ModelData(ref, model.segments(), counts);
    }

    private static long nextId(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        String sql = product.toLowerCase().contains("postgres") ? "SELECT nextval('segment_model_seq')"
                : "SELECT NEXT VALUE FOR segment_model_seq";
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every stored model version, newest first per code. */
    public static List<ModelSummary> list(Connection c) throws SQLException {
        List<ModelSummary> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT m.id, m.code, m.name, m.model_version, m.kind, m.imported_by, "
                + "m.imported_at, m.status, (SELECT COUNT(*) FROM segment g WHERE g.model_id = m.id), "
                + "(SELECT COUNT(DISTINCT a.pc4) FROM segment_area_count a WHERE a.model_id = m.id), "
                + "(SELECT COALESCE(SUM(a.people), 0) FROM segment_area_count a WHERE a.model_id = m.id) "
                + "FROM segment_model m ORDER BY m.code, m.model_version DESC");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                result.add(new ModelSummary(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4),
                        ModelKind.valueOf(r.getString(5)), r.getInt(9), r.getInt(10), r.getDouble(11), r.getString(6),
                        r.getTimestamp(7).toInstant(), ModelStatus.valueOf(r.getString(8))));
            }
        }
        return result;
    }

    /** The newest active version of the model with this code. */
    public static Optional<Long> current(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM segment_model WHERE code = ? AND status = 'ACTIVE' "
                + "ORDER BY model_version DESC")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    /** A stored model version, whole. */
    public static Optional<ModelData> load(Connection c, long id) throws SQLException {
        ModelRef ref;
        try (PreparedStatement s = c.prepareStatement("SELECT code, name, model_version, kind, sources, licence FROM segment_model WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                List<Source> sources = Arrays.asList(JSONB.fromJson(r.getString(5), Source[].class));
                ref = new ModelRef(id, r.getString(1), r.getString(2), r.getInt(3), ModelKind.valueOf(r.getString(4)),
                        sources, r.getString(6));
            }
        }
        List<SegmentDefinition> segments = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT code, name_nl, name_en, description, colour, position "
                + "FROM segment WHERE model_id = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    segments.add(new SegmentDefinition(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5).strip(), r.getInt(6)));
                }
            }
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            position.put(segments.get(i).code(), i);
        }
        Map<String, double[]> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT pc4, segment_code, people FROM segment_area_count WHERE model_id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.computeIfAbsent(r.getString(1).strip(), k -> new double[segments.size()])[position.get(r.getString(2))] = r.getDouble(3);
                }
            }
        }
        return Optional.of(new ModelData(ref, segments, counts));
    }

    /** Retires a version: kept for the reports that used it, no longer offered. */
    public static boolean retire(Connection c, long id, String by, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE segment_model SET status = 'RETIRED', retired_at = ?, retired_by = ? "
                + "WHERE id = ? AND status = 'ACTIVE'")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, by);
            s.setLong(3, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Deletes a version with its segments and counts. The caller checks first that no report used it. */
    public static boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM segment_model WHERE id = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        }
    }

    /** The code of the model new reports use, as chosen on the models page; empty: the open default model. */
    public static Optional<String> chosenCode(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT code FROM segment_model_choice WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    /** Chooses the model (by code: its newest active version) new reports use. */
    public static void choose(Connection c, String code, String by, Instant now) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM segment_model_choice WHERE id = 1");
             PreparedStatement s = c.prepareStatement("INSERT INTO segment_model_choice (id, code, chosen_by, chosen_at) VALUES (1, ?, ?, ?)")) {
            d.executeUpdate();
            s.setString(1, code);
            s.setString(2, by);
            s.setTimestamp(3, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    /** The version new reports use: the newest active one of the chosen code, else of the default model. */
    public static Optional<Long> forNewReports(Connection c) throws SQLException {
        Optional<String> chosen = chosenCode(c);
        if (chosen.isPresent()) {
            Optional<Long> id = current(c, chosen.get());
            if (id.isPresent()) {
                return id;
            }
        }
        return current(c, DefaultModel.CODE);
    }
}
