/** The session aggregate (with its registrations and waiting list), materials, evaluations and articles; rules live here. */
package nl.kunstloc.publieksdata.session.entity;
