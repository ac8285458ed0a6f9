package nl.kunstloc.publieksdata.institution.entity;

/** The ticketing system an institution exports its orders from (it decides the column mapping preset). */
public enum TicketingSystem {
    TICKETMATIC, ACTIVE_TICKETS, SEE_TICKETS, EVENTBRITE, PRETIX, TICKETMASTER, OTHER;

    public String messageKey() {
        return "institution.ticketing." + name();
    }
}
