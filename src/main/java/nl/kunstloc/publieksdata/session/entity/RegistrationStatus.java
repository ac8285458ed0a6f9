package nl.kunstloc.publieksdata.session.entity;

public enum RegistrationStatus {
    REGISTERED, WAITING, CANCELLED;

    public boolean isActive() {
        return this != CANCELLED;
    }

    public String messageKey() {
        return "session.registration." + name();
    }
}
