/** Value objects of the dashboards: what a funnel, an attention item, a step statistic or a disclosed figure is. */
package nl.kunstloc.publieksdata.dashboard.entity;
