package nl.kunstloc.publieksdata.agreement.control;

/** A signature was given for a different version of the document than the one stored. */
public class SignatureMismatchException extends IllegalStateException {

    public SignatureMismatchException(String message) {
        super(message);
    }
}
