/** The administrator's pages for segment models, and the start-up loader of the default model. */
package nl.kunstloc.publieksdata.segmentation.boundary;
