/**
 * Reading a ticketing export, row by row, into {@link nl.kunstloc.publieksdata.delivery.entity.DeliveryRow}s.
 *
 * <p>Start at {@link nl.kunstloc.publieksdata.delivery.control.DeliveryReader}. The path of a row:
 * {@link nl.kunstloc.publieksdata.delivery.control.TableSource} (CSV or XLSX, dialect and encoding
 * detected) → header row → {@link nl.kunstloc.publieksdata.delivery.control.MappingDetector} (which column is
 * which field; personal-data columns are dropped here and never read) → skip blank, summary and repeated
 * header rows → parse values ({@link nl.kunstloc.publieksdata.delivery.control.Amounts},
 * {@link nl.kunstloc.publieksdata.delivery.control.Dates}, postcodes) → validate → pseudonymise the
 * customer ({@link nl.kunstloc.publieksdata.delivery.control.Pseudonymiser}) → hand the row to a
 * {@link nl.kunstloc.publieksdata.delivery.control.RowSink}. Nothing holds the whole file in memory.
 *
 * <p>Plain Java: no CDI, no Camunda, no database.
 */
package nl.kunstloc.publieksdata.delivery.control;
