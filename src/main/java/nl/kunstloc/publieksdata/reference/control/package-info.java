/**
 * Reference data for placing customers: Noord-Brabant PC4 areas, their municipalities and population
 * (loaded from {@code src/main/resources/reference/}, see the README there for sources and licences),
 * and the rules for reading Dutch and foreign postcodes.
 */
package nl.kunstloc.publieksdata.reference.control;
