/**
 * The rules of the report: {@link nl.kunstloc.publieksdata.report.control.Reports} (one method per process
 * step or user action, one transaction each, and who may read which version), the tables a report shows
 * with every cell through disclosure control ({@link nl.kunstloc.publieksdata.report.control.ReportTables}),
 * and the downloads that show the same tables.
 */
package nl.kunstloc.publieksdata.report.control;
