/** Pages of the report (one view bean each), the download servlet, and the delegates of bpmn/audience-report.bpmn. */
package nl.kunstloc.publieksdata.report.boundary;
