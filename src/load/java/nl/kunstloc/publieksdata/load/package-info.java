/**
 * load: the load test of issue 15 (Gatling, not a test that can fail on a slow machine; it prints figures):
 * {@link nl.kunstloc.publieksdata.load.PortalLoadSimulation}. Compiled and run only by {@code mvn -Pload verify}.
 */
package nl.kunstloc.publieksdata.load;
