/**
 * The rules of segmentation: importing a segment model, building the open default model from CBS
 * figures, computing an institution's {@code AudienceFigures} from its validated rows, and
 * disclosure control (what a published cell may show).
 */
package nl.kunstloc.publieksdata.segmentation.control;
