/**
 * Agreement logic without a container: filling a template version, rendering it to PDF, appending the
 * signatures page and checking that a signature belongs to the stored document.
 */
package nl.kunstloc.publieksdata.agreement.control;
