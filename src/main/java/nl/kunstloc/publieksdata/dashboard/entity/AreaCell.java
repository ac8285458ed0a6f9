package nl.kunstloc.publieksdata.dashboard.entity;

/**
 * One part of an area (a PC4 of a municipality): people reached there over the published reports, disclosed or
 * withheld, and per 1,000 inhabitants (null when withheld).
 */
public record AreaCell(String code, Disclosed reached, double population, Double penetration) implements java.io.Serializable {
}
