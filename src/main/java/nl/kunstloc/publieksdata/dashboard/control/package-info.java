/** The dashboards' rules: counting the funnel, step durations, the disclosure rule for policymakers, the aggregates. */
package nl.kunstloc.publieksdata.dashboard.control;
