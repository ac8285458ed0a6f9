package nl.kunstloc.publieksdata.report.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import nl.kunstloc.publieksdata.report.control.BarChart;
import nl.kunstloc.publieksdata.report.control.ReportTable;
import nl.kunstloc.publieksdata.report.control.ReportTables;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;

/**
 * What the figure pages (report, review, approval) show of one report version, for
 * {@code /WEB-INF/report/figures.xhtml}: the basis (match rate, period, sources) and the tables, with a
 * reference for the index chosen on the page. Built from the stored figures, never from raw rows.
 */
public class ReportFiguresModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient ReportTables tables;
    private final Reference reference;

    public ReportFiguresModel(AudienceFigures figures, Locale locale, Reference reference) {
        this.tables = new ReportTables(figures, locale);
        this.reference = reference;
    }

    public ReportTables getTables() { return tables; }
    public Reference getReference() { return reference; }
    public AudienceFigures getFigures() { return tables.figures(); }
    public String getMatchRate() { return tables.matchRate(); }
    public String getPeriod() { return tables.period(); }
    public String getSources() { return tables.sources(); }
    public String getUnit() { return tables.unitInText(); }
    public String getPeople() { return tables.people().text(); }
    public String getPeoplePlaced() { return tables.peoplePlaced().text(); }
    public String getLicence() { return tables.figures().model().licence(); }
    public boolean isHasCustomers() { return tables.figures().basis().hasCustomers(); }
    public List<ReportTable> getAll() { return tables.all(reference); }
    public ReportTable getProfile() { return tables.profile(reference); }

    /** Bars of the profile's index (column 4) for the chart beside the table. */
    public String getProfileChart() {
        return BarChart.xhtml(tables.profile(reference), 4, 100.0, "chart-profile");
    }

    /** For the map: {"GM0796": {"v": 12.3, "t": "12,3"}, ...}; a withheld value has "v": null. */
    public String getMapValues() {
        return tables.mapValues();
    }

    public String getMunicipalityChart() {
        return BarChart.xhtml(tables.municipalities(), 3, null, "chart-municipalities");
    }
}
