package nl.kunstloc.publieksdata.agreement.entity;

/** Who may sign: the institution's director first, then a Kunstloc coordinator countersigns. */
public enum SignerRole {
    DIRECTOR("Directeur, namens de Verwerkingsverantwoordelijke"),
    COORDINATOR("Coördinator, namens Kunstloc Brabant (Verwerker)");

    private final String dutchLabel;

    SignerRole(String dutchLabel) {
        this.dutchLabel = dutchLabel;
    }

    /** The wording printed on the signatures page (the document is Dutch whatever the UI language). */
    public String dutchLabel() {
        return dutchLabel;
    }
}
