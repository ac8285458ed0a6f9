/** Values of the reference data: municipalities and what a postcode was read as. */
package nl.kunstloc.publieksdata.reference.entity;
