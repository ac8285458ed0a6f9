/** Values of the agreement: template versions, the parties and period, signatures. Plain values for now; JPA mapping follows with the agreement workflow. */
package nl.kunstloc.publieksdata.agreement.entity;
