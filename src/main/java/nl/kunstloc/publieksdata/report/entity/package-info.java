/** The report versions and their status; every number shown comes from the stored figures. */
package nl.kunstloc.publieksdata.report.entity;
