package nl.kunstloc.publieksdata.institution.entity;

/** What kind of cultural institution. */
public enum InstitutionType {
    THEATRE, FESTIVAL, MUSEUM, MUSIC_VENUE, CINEMA, OTHER;

    public String messageKey() {
        return "institution.type." + name();
    }
}
