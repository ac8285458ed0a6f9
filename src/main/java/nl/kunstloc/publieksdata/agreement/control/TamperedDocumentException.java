package nl.kunstloc.publieksdata.agreement.control;

/**
 * A stored agreement PDF no longer has the SHA-256 recorded when it was made or signed: somebody
 * changed it in the database (or the storage broke). It is never served; the page says so instead.
 */
public class TamperedDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String agreementNumber;

    public TamperedDocumentException(String agreementNumber, String which) {
        super("the " + which + " document of agreement " + agreementNumber + " does not match its recorded SHA-256");
        this.agreementNumber = agreementNumber;
    }

    public String agreementNumber() {
        return agreementNumber;
    }
}
