package nl.kunstloc.publieksdata.report.control;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nl.kunstloc.publieksdata.platform.web.Messages;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.AreaFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.GroupFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.PotentialFigure;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.SegmentFigure;

/**
 * Turns stored figures into the tables a report shows, every count through disclosure control
 * ({@link Suppression}); a share, index or penetration computed from a withheld count is withheld too.
 * The page, the PDF, the Excel workbook and the open export all show these tables, so they always agree.
 * Plain Java: testable without a server.
 */
public final class ReportTables {

    private final AudienceFigures f;
    private final Locale locale;
    private final NumberFormat whole;
    private final NumberFormat oneDecimal;
    private final DateTimeFormatter date;

    public ReportTables(AudienceFigures figures, Locale locale) {
        this.f = figures;
        this.locale = locale;
        this.whole = NumberFormat.getIntegerInstance(locale);
        this.oneDecimal = NumberFormat.getNumberInstance(locale);
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);
        this.date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
    }

    private String t(String key, Object... args) {
        return Messages.format(locale, key, args);
    }

    public AudienceFigures figures() {
        return f;
    }

    /** In a sentence ("2.599 klanten"); {@link #unit} is the column heading. */
    public String unitInText() {
        return unit().toLowerCase(locale);
    }

    public String unit() {
        return t("report.unit." + f.basis().unit().name());
    }

    /** "93.4 %" — shown on every page and in every download. */
    public String matchRate() {
        return oneDecimal.format(100 * f.basis().matchRate()) + " %";
    }

    /** "12 Sep 2025 – 3 Jun 2026" (event dates when the rows have them, else order dates). */
    public String period() {
        LocalDate from = f.basis().firstEvent() != null ? f.basis().firstEvent() : f.basis().firstOrder();
        LocalDate to = f.basis().lastEvent() != null ? f.basis().lastEvent() : f.basis().lastOrder();
        return from == null || to == null ? "—" : date.format(from) + " – " + date.format(to);
    }

    public String sources() {
        StringBuilder s = new StringBuilder(f.model().label());
        f.model().sources().forEach(src -> s.append("; ").append(src.name()).append(" (").append(src.referenceYear()).append(')'));
        return s.toString();
    }

    /** People in all accepted rows, shown alone (withheld under 10). */
    public Cell people() {
        return count(f.basis().people(), false);
    }

    public Cell peoplePlaced() {
        return count(f.basis().peoplePlaced(), false);
    }

    // ----- tables

    public List<ReportTable> all(Reference reference) {
        List<ReportTable> tables = new ArrayList<>();
        tables.add(profile(reference));
        tables.add(municipalities());
        tables.add(postcodes());
        tables.add(catchment());
        tables.add(distances());
        tables.add(frequency());
        tables.add(groups("genres", f.genres(), "report.table.genres", "report.column.genre"));
        tables.add(groups("events", f.events(), "report.table.events", "report.column.event"));
        tables.add(potential("potentialSegments", f.potential() == null ? List.of() : f.potential().segments(),
                "report.table.potentialSegments", "report.column.segment"));
        tables.add(potential("potentialMunicipalities", f.potential() == null ? List.of() : f.potential().municipalities(),
                "report.table.potentialMunicipalities", "report.column.municipality"));
        return tables;
    }

    /** Profile per segment: people, share, the reference's share, index (100 = as expected). */
    public ReportTable profile(Reference reference) {
        List<SegmentFigure> segments = f.segments();
        boolean[] hidden = Suppression.withhold(segments.stream().map(SegmentFigure::people).toList());
        String[] marks = Suppression.marks(segments.stream().map(SegmentFigure::people).toList());
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            SegmentFigure s = segments.get(i);
            double index = f.index(s, reference);
            rows.add(List.of(Cell.text(s.name(locale.getLanguage())),
                    hidden[i] ? Cell.withheld(marks[i]) : wholeCell(s.people()),
                    hidden[i] ? Cell.withheld(marks[i]) : percent(f.share(s)),
                    percent(f.referenceShare(s, reference)),
                    hidden[i] || Double.isNaN(index) ? (hidden[i] ? Cell.withheld(marks[i]) : Cell.text("—")) : wholeCell(index)));
        }
        return new ReportTable("profile", t("report.table.profile", t("report.reference." + reference.name())),
                List.of(t("report.column.segment"), unit(), t("report.column.share"), t("report.column.referenceShare"),
                        t("report.column.index")),
                rows, List.of(Cell.text(t("report.total")), count(f.basis().peoplePlaced(), false), percent(1), percent(1),
                        Cell.text("")),
                t("report.note.profile"));
    }

    public ReportTable municipalities() {
        return areas("municipalities", f.municipalities(), "report.table.municipalities", "report.column.municipality", false);
    }

    public ReportTable postcodes() {
        return areas("postcodes", f.postcodes(), "report.table.postcodes", "report.column.pc4", true);
    }

    private ReportTable areas(String id, List<AreaFigure> areas, String title, String first, boolean withDistance) {
        boolean[] hidden = Suppression.withhold(areas.stream().map(a -> (double) a.people()).toList());
        String[] marks = Suppression.marks(areas.stream().map(a -> (double) a.people()).toList());
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            AreaFigure a = areas.get(i);
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(withDistance ? a.code() : a.name()));
            if (withDistance) {
                row.add(Cell.text(a.name()));
            }
            row.add(hidden[i] ? Cell.withheld(marks[i]) : wholeCell(a.people()));
            row.add(wholeCell(a.population()));
            row.add(hidden[i] ? Cell.withheld(marks[i]) : decimalCell(a.penetration()));
            if (withDistance) {
                row.add(a.distanceKm() == null ? Cell.text("—") : decimalCell(a.distanceKm()));
            }
            rows.add(row);
        }
        List<String> columns = new ArrayList<>();
        columns.add(t(first));
        if (withDistance) {
            columns.add(t("report.column.place"));
        }
        columns.add(unit());
        columns.add(t("report.column.population"));
        columns.add(t("report.column.penetration"));
        if (withDistance) {
            columns.add(t("report.column.distance"));
        }
        return new ReportTable(id, t(title), columns, rows, null, t("report.note.penetration"));
    }

    public ReportTable catchment() {
        List<List<Cell>> rows = new ArrayList<>();
        if (f.catchment() != null) {
            for (var level : f.catchment().levels()) {
                rows.add(List.of(Cell.text(level.percent() + " %"), decimalCell(level.radiusKm()),
                        wholeCell(level.pc4s().size()), wholeCell(level.municipalities().size()),
                        count(level.people(), false), wholeCell(level.population())));
            }
        }
        String note = f.catchment() == null || f.catchment().medianDistanceKm() == null ? t("report.note.catchment")
                : t("report.note.catchmentMedian", oneDecimal.format(f.catchment().medianDistanceKm()));
        return new ReportTable("catchment", t("report.table.catchment"),
                List.of(t("report.column.level"), t("report.column.radius"), t("report.column.areas"),
                        t("report.column.municipalities"), unit(), t("report.column.population")), rows, null, note);
    }

    public ReportTable distances() {
        List<List<Cell>> rows = new ArrayList<>();
        if (f.catchment() != null) {
            var bands = f.catchment().distanceBands();
            boolean[] hidden = Suppression.withhold(bands.stream().map(b -> (double) b.people()).toList());
        String[] marks = Suppression.marks(bands.stream().map(b -> (double) b.people()).toList());
            for (int i = 0; i < bands.size(); i++) {
                var b = bands.get(i);
                String label = b.toKm() == null ? t("report.band.from", whole.format(b.fromKm()))
                        : t("report.band.between", whole.format(b.fromKm()), whole.format(b.toKm()));
                rows.add(List.of(Cell.text(label), hidden[i] ? Cell.withheld(marks[i]) : wholeCell(b.people())));
            }
        }
        return new ReportTable("distances", t("report.table.distances"), List.of(t("report.column.distance"), unit()),
                rows, null, null);
    }

    public ReportTable frequency() {
        var fr = f.frequency();
        List<List<Cell>> rows = new ArrayList<>();
        if (fr == null) {
            return new ReportTable("frequency", t("report.table.frequency"), List.of(t("report.column.visits"),
                    t("report.column.customers")), rows, null, t("report.note.noCustomers"));
        }
        boolean[] hidden = Suppression.withhold(fr.visitBands().stream().map(b -> (double) b.customers()).toList());
        String[] marks = Suppression.marks(fr.visitBands().stream().map(b -> (double) b.customers()).toList());
        for (int i = 0; i < fr.visitBands().size(); i++) {
            var b = fr.visitBands().get(i);
            String label = b.to() == null ? t("report.visits.orMore", b.from())
                    : b.from() == b.to() ? String.valueOf(b.from()) : b.from() + "–" + b.to();
            rows.add(List.of(Cell.text(label), hidden[i] ? Cell.withheld(marks[i]) : wholeCell(b.customers())));
        }
        String note = t("report.note.frequency", oneDecimal.format(fr.visitsPerCustomer()))
                + (fr.newInLatest() == null ? " " + t("report.note.oneDelivery")
                : " " + t("report.note.newReturning", count(fr.newInLatest(), false).text(),
                count(fr.returningInLatest(), false).text()));
        return new ReportTable("frequency", t("report.table.frequency"),
                List.of(t("report.column.visits"), t("report.column.customers")), rows,
                List.of(Cell.text(t("report.total")), count(fr.customers(), false)), note);
    }

    private ReportTable groups(String id, List<GroupFigure> groups, String title, String first) {
        boolean[] hidden = Suppression.withhold(groups.stream().map(g -> (double) g.people()).toList());
        String[] marks = Suppression.marks(groups.stream().map(g -> (double) g.people()).toList());
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            GroupFigure g = groups.get(i);
            String label = g.other() ? t("report.other", g.grouped()) : g.label();
            rows.add(List.of(Cell.text(label), Cell.text(g.eventDate() == null ? "" : date.format(g.eventDate())),
                    hidden[i] ? Cell.withheld(marks[i]) : wholeCell(g.people()),
                    hidden[i] ? Cell.withheld(marks[i]) : wholeCell(g.tickets())));
        }
        return new ReportTable(id, t(title), List.of(t(first), t("report.column.date"), unit(), t("report.column.tickets")),
                rows, null, groups.isEmpty() ? t("report.note.noGroups") : null);
    }

    private ReportTable potential(String id, List<PotentialFigure> figures, String title, String first) {
        List<List<Cell>> rows = new ArrayList<>();
        boolean[] hidden = Suppression.withhold(figures.stream().map(PotentialFigure::reached).toList());
        String[] marks = Suppression.marks(figures.stream().map(PotentialFigure::reached).toList());
        for (int i = 0; i < figures.size(); i++) {
            PotentialFigure p = figures.get(i);
            String name = p.name();
            if ("potentialSegments".equals(id)) {
                name = f.segment(p.code()).map(s -> s.name(locale.getLanguage())).orElse(p.name());
            }
            rows.add(List.of(Cell.text(name), wholeCell(p.population()),
                    hidden[i] ? Cell.withheld(marks[i]) : wholeCell(p.reached()),
                    wholeCell(p.expected()),
                    // expected − untapped = reached: a withheld reach withholds what it can be derived from
                    hidden[i] ? Cell.withheld(marks[i]) : wholeCell(p.untapped()),
                    hidden[i] ? Cell.withheld(marks[i]) : Cell.text(whole.format(Math.round(p.untappedLow())) + " – "
                            + whole.format(Math.round(p.untappedHigh()))),
                    Cell.text(p.smallCount() ? t("report.smallCount") : "")));
        }
        return new ReportTable(id, t(title), List.of(t(first), t("report.column.population"), t("report.column.reached"),
                t("report.column.expected"), t("report.column.untapped"), t("report.column.interval"), t("report.column.flag")),
                rows, null, t("report.note.potential", f.potential() == null ? "—" : oneDecimal.format(f.potential().averagePenetration())));
    }

    /** Penetration per municipality code as JSON for the map, withheld where the table withholds it. */
    public String mapValues() {
        List<AreaFigure> areas = f.municipalities();
        boolean[] hidden = Suppression.withhold(areas.stream().map(a -> (double) a.people()).toList());
        String[] marks = Suppression.marks(areas.stream().map(a -> (double) a.people()).toList());
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < areas.size(); i++) {
            AreaFigure a = areas.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(a.code().replaceAll("[^A-Za-z0-9]", "")).append("\":{");
            if (hidden[i]) {
                json.append("\"v\":null,\"t\":\"").append(Cell.SUPPRESSED).append("\"}");
            } else {
                Cell c = decimalCell(a.penetration());
                json.append("\"v\":").append(c.number()).append(",\"t\":\"").append(c.text()).append("\"}");
            }
        }
        return json.append('}').toString();
    }

    // ----- cells

    private Cell count(double people, boolean unused) {
        return Suppression.withholdAlone(people) ? Cell.withheld() : wholeCell(people);
    }

    private Cell wholeCell(double value) {
        long rounded = Math.round(value);
        return Cell.number(rounded, whole.format(rounded));
    }

    private Cell decimalCell(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return Cell.number(rounded, oneDecimal.format(rounded));
    }

    private Cell percent(double share) {
        double rounded = Math.round(share * 1000) / 10.0;
        return Cell.number(rounded, oneDecimal.format(rounded) + " %");
    }

    /** For charts: a column's values, null where withheld. */
    public static List<Double> numbers(ReportTable table, int column) {
        return table.column(column).stream().map(Cell::number).toList();
    }

    /** For charts: the first column's labels. */
    public static List<String> labels(ReportTable table) {
        return table.column(0).stream().map(Cell::text).toList();
    }

    static <T> List<T> map(List<Cell> cells, Function<Cell, T> fn) {
        return cells.stream().map(fn).toList();
    }
}
