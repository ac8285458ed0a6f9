/**
 * The agreement's data: stored agreements with their signatures and template versions (JPA), and the
 * values the document renderer works with (template version, parties, details, signature).
 */
package nl.kunstloc.publieksdata.agreement.entity;
