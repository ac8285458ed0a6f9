/**
 * Segment models (models, their segments, the people or households per segment per PC4) and the
 * figures a report shows ({@link nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures}),
 * which are stored as JSON and outlive the raw rows they were computed from.
 */
package nl.kunstloc.publieksdata.segmentation.entity;
