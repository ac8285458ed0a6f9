/**
 * Values of a data delivery: the canonical fields of an order line, the mapping of an export's
 * columns onto them, the rows that come out ({@link nl.kunstloc.publieksdata.delivery.entity.DeliveryRow}),
 * and the report on what went in ({@link nl.kunstloc.publieksdata.delivery.entity.ValidationReport}).
 * None of these types can hold a name, e-mail address, phone number, street, house number or date of birth.
 */
package nl.kunstloc.publieksdata.delivery.entity;
