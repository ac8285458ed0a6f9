/**
 * The audience report ("publieksrapport") of an institution: who it reaches, per segment, area, genre
 * and event, computed from its accepted deliveries by {@code segmentation}, reviewed by the coordinator,
 * approved by the institution's director, then published (process {@code audienceReport}, ADR 10).
 *
 * <p>{@code entity}: {@link nl.kunstloc.publieksdata.report.entity.AudienceReport}, one version of the
 * report with its figures stored as JSON; {@code control}: the steps of the process, who may read what,
 * and the downloads (PDF, Excel, open data package); {@code boundary}: the pages, the download servlet
 * and the delegates the BPMN calls.
 */
package nl.kunstloc.publieksdata.report;
