package nl.kunstloc.publieksdata.delivery.entity;

/** The ticketing systems whose exports the portal recognises by their header row. */
public enum TicketingSystem {
    TICKETMATIC, ACTIVE_TICKETS, SEE_TICKETS, EVENTBRITE, TICKETMASTER,
    /** Anything else: columns are recognised by common Dutch and English names only. */
    GENERIC
}
