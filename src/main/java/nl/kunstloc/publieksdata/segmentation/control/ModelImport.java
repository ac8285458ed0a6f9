package nl.kunstloc.publieksdata.segmentation.control;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.ModelRef;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Source;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import nl.kunstloc.publieksdata.segmentation.entity.SegmentDefinition;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and checks a segment model in the documented format (docs/segmentation.md): a segments
 * table ({@code code,name_nl,name_en,description,colour}, one line per segment, in order) and a
 * counts table ({@code pc4,<code 1>,<code 2>,...[,total]}, one line per PC4). Comma or semicolon
 * separated, decimal point or comma. Either the whole model is valid, or nothing comes out: the
 * {@link Result} lists every problem with its line.
 */
public final class ModelImport {

    /** What can be wrong; the page turns a kind into a sentence in the user's language. */
    public enum Problem {
        NO_SEGMENTS, BAD_SEGMENT, DUPLICATE_SEGMENT, MISSING_PC4_COLUMN, UNKNOWN_COLUMN, MISSING_SEGMENT,
        UNKNOWN_PC4, DUPLICATE_PC4, BAD_NUMBER, TOTAL_MISMATCH, FAR_FROM_CBS, NO_COUNTS, UNREADABLE
    }

    /** One problem: the table ("segments" or "counts"), the line (1 = the header), the column, and what was found. */
    public record Finding(String table, long line, String column, Problem problem, String found) implements java.io.Serializable {
    }

    /** The outcome: a model, or the problems (and warnings, which do not stop the import). */
    public record Result(ModelData model, List<Finding> problems, List<Finding> warnings) {
        public boolean ok() {
            return model != null && problems.isEmpty();
        }
    }

    /** A per-PC4 total may differ from its segments by this share (rounding in the source). */
    static final double TOTAL_TOLERANCE = 0.005;
    /** A people model whose PC4 differs from CBS's inhabitants by more than this share gets a warning. */
    static final double CBS_TOLERANCE = 0.10;
    static final int MAX_FINDINGS = 200;

    private ModelImport() {
    }

    public static Result read(String code, String name, ModelKind kind, List<Source> sources, String licence,
            Reader segmentsCsv, Reader countsCsv, PostcodeDirectory directory) {
        List<Finding> problems = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        List<SegmentDefinition> segments = new ArrayList<>();
        try {
            readSegments(segmentsCsv, segments, problems);
        } catch (IOException | RuntimeException e) {
            problems.add(new Finding("segments", 0, "", Problem.UNREADABLE, String.valueOf(e.getMessage())));
        }
        if (segments.isEmpty() && problems.isEmpty()) {
            problems.add(new Finding("segments", 1, "", Problem.NO_SEGMENTS, ""));
        }
        Map<String, double[]> counts = new LinkedHashMap<>();
        if (!segments.isEmpty()) {
            try {
                readCounts(countsCsv, segments, kind, counts, problems, warnings, directory);
            } catch (IOException | RuntimeException e) {
                problems.add(new Finding("counts", 0, "", Problem.UNREADABLE, String.valueOf(e.getMessage())));
            }
            if (counts.isEmpty() && problems.isEmpty()) {
                problems.add(new Finding("counts", 1, "", Problem.NO_COUNTS, ""));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, cap(problems), cap(warnings));
        }
        ModelRef ref = new ModelRef(0, code, name, 0, kind, sources, licence);
        return new Result(new ModelData(ref, segments, counts), List.of(), cap(warnings));
    }

    private static List<Finding> cap(List<Finding> findings) {
        return List.copyOf(findings.size() > MAX_FINDINGS ? findings.subList(0, MAX_FINDINGS) : findings);
    }

    private static CSVParser parse(Reader reader) throws IOException {
        java.io.BufferedReader buffered = new java.io.BufferedReader(reader);
        buffered.mark(1 << 16);
        String first = buffered.readLine();
        buffered.reset();
        char delimiter = first != null && first.chars().filter(ch -> ch == ';').count() > first.chars().filter(ch -> ch == ',').count() ? ';' : ',';
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).build().parse(buffered);
    }

    private static void readSegments(Reader reader, List<SegmentDefinition> segments, List<Finding> problems) throws IOException {
        try (CSVParser parser = parse(reader)) {
            Set<String> seen = new HashSet<>();
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                String code = get(r, "code");
                if (!seen.add(code)) {
                    problems.add(new Finding("segments", line, "code", Problem.DUPLICATE_SEGMENT, code));
                    continue;
                }
                try {
                    segments.add(new SegmentDefinition(code, get(r, "name_nl"), get(r, "name_en"), get(r, "description"),
                            get(r, "colour"), segments.size() + 1));
                } catch (IllegalArgumentException e) {
                    problems.add(new Finding("segments", line, "", Problem.BAD_SEGMENT, e.getMessage()));
                }
            }
        }
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
    }

    private static void readCounts(Reader reader, List<SegmentDefinition> segments, ModelKind kind, Map<String, double[]> counts,
            List<Finding> problems, List<Finding> warnings, PostcodeDirectory directory) throws IOException {
        try (CSVParser parser = parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("pc4")) {
                problems.add(new Finding("counts", 1, "pc4", Problem.MISSING_PC4_COLUMN, String.join(",", header)));
                return;
            }
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                position.put(segments.get(i).code(), i);
            }
            for (String column : header) {
                if (!column.equals("pc4") && !column.equals("total") && !position.containsKey(column)) {
                    problems.add(new Finding("counts", 1, column, Problem.UNKNOWN_COLUMN, column));
                }
            }
            for (SegmentDefinition d : segments) {
                if (!header.contains(d.code())) {
                    problems.add(new Finding("counts", 1, d.code(), Problem.MISSING_SEGMENT, d.code()));
                }
            }
            if (!problems.isEmpty()) {
                return;
            }
            boolean hasTotal = header.contains("total");
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                String pc4 = get(r, "pc4");
                if (!pc4.matches("\\d{4}") || !directory.isBrabantPc4(pc4)) {
                    problems.add(new Finding("counts", line, "pc4", Problem.UNKNOWN_PC4, pc4));
                    continue;
                }
                if (counts.containsKey(pc4)) {
                    problems.add(new Finding("counts", line, "pc4", Problem.DUPLICATE_PC4, pc4));
                    continue;
                }
                double[] values = new double[segments.size()];
                boolean bad = false;
                for (SegmentDefinition d : segments) {
                    Double v = number(get(r, d.code()));
                    if (v == null) {
                        problems.add(new Finding("counts", line, d.code(), Problem.BAD_NUMBER, get(r, d.code())));
                        bad = true;
                    } else {
                        values[position.get(d.code())] = v;
                    }
                }
                if (bad) {
                    continue;
                }
                double sum = java.util.Arrays.stream(values).sum();
                if (hasTotal) {
                    Double total = number(get(r, "total"));
                    if (total == null) {
                        problems.add(new Finding("counts", line, "total", Problem.BAD_NUMBER, get(r, "total")));
                        continue;
                    }
                    if (Math.abs(sum - total) > Math.max(1, total * TOTAL_TOLERANCE)) {
                        problems.add(new Finding("counts", line, "total", Problem.TOTAL_MISMATCH,
                                String.format(java.util.Locale.ROOT, "%s: %.1f ≠ %.1f", pc4, sum, total)));
                        continue;
                    }
                }
                OptionalInt cbs = directory.populationOfPc4(pc4);
                if (kind == ModelKind.PEOPLE && cbs.isPresent() && Math.abs(sum - cbs.getAsInt()) > Math.max(50, cbs.getAsInt() * CBS_TOLERANCE)) {
                    warnings.add(new Finding("counts", line, "", Problem.FAR_FROM_CBS,
                            String.format(java.util.Locale.ROOT, "%s: %.0f / CBS %d", pc4, sum, cbs.getAsInt())));
                }
                counts.put(pc4, values);
            }
        }
    }

    /** A non-negative number, decimal point or comma; null when it is not one. */
    static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace(" ", "");
        if (t.contains(",") && !t.contains(".")) {
            t = t.replace(',', '.');
        }
        if (!t.matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        return Double.parseDouble(t);
    }
}
