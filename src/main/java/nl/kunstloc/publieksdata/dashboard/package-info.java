/**
 * Dashboards: the coordinator's pilot overview (funnel, attention list, process statistics, Excel export),
 * the policymaker's municipality view (aggregates of published reports under disclosure control) and the
 * peer benchmark on a published report. Reads the other features through their control and entity classes;
 * nothing depends on this package but the demo data.
 */
package nl.kunstloc.publieksdata.dashboard;
