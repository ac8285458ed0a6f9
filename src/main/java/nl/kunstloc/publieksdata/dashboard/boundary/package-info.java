/** The dashboard pages' view beans and the Excel download of the overview. */
package nl.kunstloc.publieksdata.dashboard.boundary;
